// The executed API × context matrix on the Debian stack (npm run matrix).
import matrix from '../matrix/debian-bookworm.json'
import readme from '../matrix/readme-v0.10.28.json'
import type { MatrixData, ReadmeContexts } from '../matrix/types'
import { matrixTable } from '../matrix/view'

export default matrixTable('ngx-lua-matrix', matrix as MatrixData, readme as ReadmeContexts)
