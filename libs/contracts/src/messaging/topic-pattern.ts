/**
 * AMQP topic matching: words are separated by '.', '*' matches exactly one word and '#' matches
 * zero or more words.
 */
export function matchesTopic(pattern: string, routingKey: string): boolean {
  return matchWords(pattern.split('.'), routingKey.split('.'));
}

function matchWords(pattern: string[], key: string[]): boolean {
  if (pattern.length === 0) return key.length === 0;
  const [head, ...rest] = pattern;
  if (head === '#') {
    for (let skip = 0; skip <= key.length; skip++) {
      if (matchWords(rest, key.slice(skip))) return true;
    }
    return false;
  }
  if (key.length === 0) return false;
  return (head === '*' || head === key[0]) && matchWords(rest, key.slice(1));
}
