/**
 * The task kinds of the instruct templates (templates/instruct/ifeval/<kind>.<variant>.hbs) and, per kind, the nouns
 * the witness filler talks about and the keywords a keyword constraint may ask for. Keywords never occur inside the
 * filler (a test checks it), so a 'less than' keyword count starts at zero. All lowercase ASCII letters.
 */
export interface TopicData {
  /** Nouns the filler sentences are about. */
  nouns: readonly string[];
  /** Words a keyword constraint may require (or count); disjoint from the filler text. */
  keywords: readonly string[];
}

export const TOPICS: Readonly<Record<string, TopicData>> = {
  ad: { nouns: ['offer', 'product', 'store', 'brand', 'price'], keywords: ['bargain', 'discount', 'coupon', 'voucher', 'bundle'] },
  bio: { nouns: ['career', 'degree', 'award', 'company', 'role'], keywords: ['mentor', 'alumni', 'tenure', 'honors', 'founder'] },
  blog: { nouns: ['post', 'guide', 'reader', 'method', 'tool'], keywords: ['tutorial', 'bookmark', 'subscribe', 'headline', 'snippet'] },
  cover: { nouns: ['position', 'team', 'skill', 'proposal', 'role'], keywords: ['resume', 'interview', 'hiring', 'portfolio', 'salary'] },
  dialogue: { nouns: ['plan', 'trip', 'station', 'ticket', 'route'], keywords: ['umbrella', 'luggage', 'platform', 'gossip', 'banter'] },
  email: { nouns: ['meeting', 'schedule', 'budget', 'proposal', 'deadline'], keywords: ['agenda', 'invoice', 'calendar', 'attachment', 'followup'] },
  explain: { nouns: ['process', 'system', 'energy', 'water', 'model'], keywords: ['molecule', 'friction', 'gravity', 'velocity', 'orbit'] },
  faq: { nouns: ['service', 'account', 'order', 'policy', 'payment'], keywords: ['refund', 'password', 'shipping', 'warranty', 'checkout'] },
  letter: { nouns: ['application', 'office', 'record', 'notice', 'letter'], keywords: ['sincerely', 'landlord', 'tenant', 'complaint', 'petition'] },
  list: { nouns: ['item', 'option', 'step', 'idea', 'choice'], keywords: ['checklist', 'priority', 'shortlist', 'ranking', 'bullet'] },
  memo: { nouns: ['office', 'policy', 'staff', 'schedule', 'update'], keywords: ['parking', 'overtime', 'payroll', 'badge', 'cafeteria'] },
  plan: { nouns: ['goal', 'budget', 'timeline', 'task', 'phase'], keywords: ['milestone', 'forecast', 'roadmap', 'backlog', 'kickoff'] },
  poem: { nouns: ['river', 'morning', 'garden', 'city', 'season'], keywords: ['moonlight', 'whisper', 'ember', 'lantern', 'harbor'] },
  product: { nouns: ['device', 'model', 'battery', 'design', 'product'], keywords: ['durable', 'portable', 'warranty', 'charger', 'bluetooth'] },
  recipe: { nouns: ['dish', 'sauce', 'oven', 'meal', 'pan'], keywords: ['garlic', 'butter', 'simmer', 'onion', 'pepper'] },
  report: { nouns: ['result', 'survey', 'region', 'sample', 'trend'], keywords: ['revenue', 'quarterly', 'forecast', 'churn', 'margin'] },
  review: { nouns: ['product', 'device', 'design', 'battery', 'model'], keywords: ['sturdy', 'refund', 'packaging', 'charger', 'manual'] },
  speech: { nouns: ['event', 'audience', 'community', 'program', 'award'], keywords: ['graduates', 'volunteers', 'ceremony', 'tradition', 'legacy'] },
  story: { nouns: ['village', 'river', 'voyage', 'forest', 'traveler'], keywords: ['dragon', 'lantern', 'castle', 'storm', 'compass'] },
  summary: { nouns: ['report', 'study', 'finding', 'author', 'section'], keywords: ['conclusion', 'evidence', 'outcome', 'overview', 'abstract'] },
};

export const TASK_KINDS: readonly string[] = Object.keys(TOPICS).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
