import type { OdooOrm } from './odoo-orm.service';

/** A Belgian and a Dutch company with a few customers and suppliers, like a fresh demo database. */
export function seedOdoo(orm: OdooOrm): void {
  const country = (name: string, code: string) => orm.create('res.country', { name, code });
  const be = country('Belgium', 'BE');
  const nl = country('Netherlands', 'NL');
  country('France', 'FR');
  country('Germany', 'DE');
  country('Luxembourg', 'LU');
  country('United Kingdom', 'GB');
  country('United States', 'US');

  const belgianCompany = orm.create('res.company', { name: 'Sandbox Belgium SRL', country_id: be });
  const dutchCompany = orm.create('res.company', {
    name: 'Sandbox Nederland B.V.',
    country_id: nl,
  });

  const partner = (values: Record<string, unknown>) =>
    orm.create('res.partner', { is_company: true, ...values });
  partner({ name: 'Sandbox Belgium SRL', company_id: belgianCompany, country_id: be });
  partner({ name: 'Sandbox Nederland B.V.', company_id: dutchCompany, country_id: nl });
  const agrolait = partner({
    name: 'Agrolait',
    street: 'Avenue des Dessus-de-Lives, 2',
    zip: '5101',
    city: 'Namur',
    country_id: be,
    vat: 'BE0477472701',
    email: 'info@agrolait.example',
    phone: '+32 10 588 558',
    customer_rank: 1,
    company_id: belgianCompany,
  });
  orm.create('res.partner', {
    name: 'Thomas Passot',
    parent_id: agrolait,
    email: 'thomas.passot@agrolait.example',
    company_id: belgianCompany,
  });
  partner({
    name: 'Deco Addict',
    street: 'Rue du Palais 77',
    zip: '1000',
    city: 'Brussels',
    country_id: be,
    vat: 'BE0123456749',
    email: 'deco.addict@example.com',
    customer_rank: 3,
    company_id: belgianCompany,
  });
  partner({
    name: 'Wood Corner',
    street: 'Kerkstraat 12',
    zip: '3511 LX',
    city: 'Utrecht',
    country_id: nl,
    vat: 'NL123456782B01',
    email: 'wood.corner@example.com',
    supplier_rank: 2,
    company_id: dutchCompany,
  });
  partner({
    name: 'Azure Interior',
    street: 'Keizersgracht 1',
    zip: '1015 CJ',
    city: 'Amsterdam',
    country_id: nl,
    customer_rank: 1,
    supplier_rank: 1,
  });
}
