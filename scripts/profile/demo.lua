-- 火焰图演示程序：确定性的工作负载，几个热点函数各占一部分 CPU。
-- 用法：cd scripts/profile && luajit -jp=Fvi1G,out.txt demo.lua
-- （npm run profile 会录制并转换成 docs/.vitepress/data/flame/demo.folded）

local concat, format, byte, char = table.concat, string.format, string.byte, string.char
local sort = table.sort

-- 线性同余发生器：固定种子，每次运行产生同样的数据。
local seed = 42
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end

local function make_word(len)
  local t = {}
  for i = 1, len do t[i] = char(97 + rand(26)) end
  return concat(t)
end

local function make_records(n)
  local records = {}
  for i = 1, n do
    records[i] = {
      id = i,
      name = make_word(8 + rand(8)),
      score = rand(100000) / 100,
      tags = { make_word(4), make_word(5), make_word(6) },
    }
  end
  return records
end

-- JSON 风格的编码：字符串转义 + 数字格式化 + 拼接。
local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n' }
local function escape_string(s)
  return '"' .. s:gsub('["\\\n]', escapes) .. '"'
end

local function encode_number(x)
  return format("%.14g", x)
end

local encode_value
local function encode_array(a)
  local out = {}
  for i = 1, #a do out[i] = encode_value(a[i]) end
  return "[" .. concat(out, ",") .. "]"
end

local function encode_object(o)
  local keys = {}
  for k in pairs(o) do keys[#keys + 1] = k end
  sort(keys)
  local out = {}
  for i, k in ipairs(keys) do
    out[i] = escape_string(k) .. ":" .. encode_value(o[k])
  end
  return "{" .. concat(out, ",") .. "}"
end

function encode_value(v)
  local t = type(v)
  -- 先存进局部变量再返回：写成 `return f(v)` 是尾调用，
  -- 调用者的栈帧会被复用，剖析器就看不到 encode_value 这一层了。
  local s
  if t == "string" then s = escape_string(v)
  elseif t == "number" then s = encode_number(v)
  elseif v[1] ~= nil then s = encode_array(v)
  else s = encode_object(v) end
  return s
end

-- 逐字节计算校验和（与编码无关的另一个热点）。
local function checksum(s)
  local h = 0
  for i = 1, #s do
    h = (h * 31 + byte(s, i)) % 4294967296
  end
  return h
end

-- 按分数排序：比较函数是 Lua 函数，每次比较都会回调它。
local function by_score(a, b)
  if a.score ~= b.score then return a.score > b.score end
  return a.id < b.id
end

local function sort_records(records)
  local copy = {}
  for i = 1, #records do copy[i] = records[i] end
  sort(copy, by_score)
  return copy
end

local function main()
  local total = 0
  for round = 1, 100 do
    local records = make_records(2000)
    local sorted = sort_records(records)
    local json = encode_value(sorted)
    total = (total + checksum(json)) % 4294967296
  end
  print(format("checksum %d", total))
end

main()
