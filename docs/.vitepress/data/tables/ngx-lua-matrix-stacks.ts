// The cells where the two verification stacks' matrices differ.
import debian from '../matrix/debian-bookworm.json'
import built from '../matrix/built-nginx-1.26.3-lua-0.10.28.json'
import type { MatrixData } from '../matrix/types'
import { stackDiffTable } from '../matrix/view'

export default stackDiffTable('ngx-lua-matrix-stacks', debian as MatrixData, built as MatrixData)
