-- wrk script: each request asks for a page drawn with Zipf(s) over the paths of a file
-- (line 1 = rank 1). Usage: wrk ... -s zipf.lua URL -- <paths file> [s] [seed]
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
end

local paths = {}
local cdf = {}

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot open " .. tostring(args[1]))
  for line in file:lines() do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  file:close()
  local s = tonumber(args[2] or "1")
  local sum = 0
  for i = 1, #paths do
    sum = sum + 1 / (i ^ s)
    cdf[i] = sum
  end
  for i = 1, #paths do
    cdf[i] = cdf[i] / sum
  end
  math.randomseed(tonumber(args[3] or "42") * 1000 + (thread_no or 0))
end

function request()
  local u = math.random()
  local lo, hi = 1, #cdf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then
      lo = mid + 1
    else
      hi = mid
    end
  end
  return wrk.format(nil, paths[lo])
end
