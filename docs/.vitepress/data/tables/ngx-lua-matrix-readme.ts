// Every cell where the executed matrix and lua-nginx-module's README disagree.
import matrix from '../matrix/debian-bookworm.json'
import readme28 from '../matrix/readme-v0.10.28.json'
import readme23 from '../matrix/readme-v0.10.23.json'
import type { MatrixData, ReadmeContexts } from '../matrix/types'
import { disagreementTable } from '../matrix/view'

export default disagreementTable('ngx-lua-matrix-readme', matrix as MatrixData, readme28 as ReadmeContexts, [readme23 as ReadmeContexts])
