// <Quiz id="…">: the view together with that one chapter's quiz data (keyed.ts),
// so a page downloads only its own quiz, and only when the quiz hydrates.
import { loadQuiz } from '../data/quiz/index'
import { keyedComponent } from './keyed'

export default keyedComponent({ name: 'Quiz', key: 'id', dataProp: 'quiz', load: loadQuiz, view: () => import('./components/Quiz.vue') })
