-- sieve of Eratosthenes and simple number theory
local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do
    if is[i] then for j = i * i, n, i do is[j] = false end end
  end
  local primes = {}
  for i = 2, n do if is[i] then primes[#primes + 1] = i end end
  return primes
end
local p = sieve(100)
print(#p, table.concat(p, " "))
local function factor(n)
  local out = {}
  local d = 2
  while d * d <= n do
    while n % d == 0 do out[#out + 1] = d; n = n // d end
    d = d + 1
  end
  if n > 1 then out[#out + 1] = n end
  return table.concat(out, "*")
end
print(factor(360), factor(97), factor(2 ^ 10 | 0), factor(600851475143))
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
print(gcd(1071, 462), gcd(17, 5), 1071 * 462 // gcd(1071, 462))
