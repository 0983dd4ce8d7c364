-- wrk at a steady rate with spread arrivals (issue 18's HIT latency at half the peak rate). Each
-- connection waits a random time, uniform in 0..2*PACE_MS milliseconds, before each request, so the
-- connections' requests do not arrive in step (hey -q ticks all its workers together: bursts as
-- large as its connection count). wrk takes whole milliseconds: the draw is rounded at random,
-- which keeps the mean. The aggregate rate is about connections / (PACE_MS + latency): bench/run.sh
-- calibrates PACE_MS to the rate it wants and reports the rate it got.
local mean = tonumber(os.getenv("PACE_MS") or "4")

function init(args)
  -- one seed per thread, different between runs
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function delay()
  -- rounded up or down at random, in proportion: the mean stays exactly PACE_MS
  return math.floor(math.random() * 2 * mean + math.random())
end
