// Quizzes by id. Each data file is its own chunk, loaded only by the page
// that ends with it, and only when the quiz hydrates (theme/quiz.ts).
import type { Quiz } from './types'

const files = import.meta.glob<{ default: Quiz }>(['./*.ts', '!./types.ts', '!./index.ts'])

const loaders = new Map(Object.entries(files).map(([p, load]) => [p.slice(2, -'.ts'.length), load]))

export const quizIds: readonly string[] = [...loaders.keys()].sort()

export async function loadQuiz(id: string): Promise<Quiz> {
  const load = loaders.get(id)
  if (!load) throw new Error(`<Quiz id="${id}">: no quiz with that id in docs/.vitepress/data/quiz/ (have: ${quizIds.join(', ')})`)
  return (await load()).default
}
