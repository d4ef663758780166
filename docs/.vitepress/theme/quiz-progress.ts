// A reader's quiz answers, kept in localStorage per chapter. The quiz writes
// them; the home page's learning path reads only the summary, so it needs no
// quiz data.

export interface StoredQuiz {
  /** Submitted answers: option indexes by question id. */
  answers: Record<string, number[]>
  /** Summary for the learning path. */
  total: number
  correct: number
}

const key = (quizId: string) => `openresty-notes:quiz:${quizId}`

/** The stored answers of a quiz, or null (none yet, storage blocked or unreadable). */
export function readQuiz(quizId: string): StoredQuiz | null {
  try {
    const raw = localStorage.getItem(key(quizId))
    if (!raw) return null
    const v = JSON.parse(raw) as StoredQuiz
    return v && typeof v.answers === 'object' && typeof v.total === 'number' && typeof v.correct === 'number' ? v : null
  } catch {
    return null
  }
}

/** Stores the answers, or forgets them when `stored` is null; storage may be blocked (private mode): then nothing is kept. */
export function writeQuiz(quizId: string, stored: StoredQuiz | null): void {
  try {
    if (stored) localStorage.setItem(key(quizId), JSON.stringify(stored))
    else localStorage.removeItem(key(quizId))
  } catch {
    // Answers just are not remembered.
  }
}
