-- Random selective queries for wrk: two words of the reports' vocabulary,
-- a state filter, sometimes a topic; facets and highlighted fragments
-- come with every answer. Seeded per thread, so runs are comparable.
local words = {"ransomware", "hospitals", "capacity", "building", "critical", "infrastructure",
  "confidence", "measures", "points", "contact", "directory", "international", "law",
  "stakeholder", "participation", "norms", "attribution", "supply", "chain", "threats",
  "cooperation", "regular", "institutional", "dialogue", "programme", "action", "mechanism"}
local states = {"Brazil", "France", "Kenya", "Germany", "India", "Mexico", "Japan", "Egypt",
  "Australia", "Chile", "Indonesia", "Nigeria", "Canada", "Singapore", "Estonia", "Ghana"}
local topics = {"ransomware", "capacity-building", "international-law", "critical-infrastructure"}

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(seed * 7919)
end

function request()
  local q = words[math.random(#words)] .. "+" .. words[math.random(#words)]
  local path = "/search?q=" .. q .. "&state=" .. states[math.random(#states)]
  if math.random(3) == 1 then
    path = path .. "&topic=" .. topics[math.random(#topics)]
  end
  return wrk.format("GET", path, {Accept = "application/json"})
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d (status %d), p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
