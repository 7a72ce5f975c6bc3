-- deterministic uses of os.date and os.time
print(os.date("!%Y-%m-%d", 0))
print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365))
print(os.date("!%H:%M:%S", 3661))
local t2020 = os.time{year = 2020, month = 1, day = 1, hour = 0}
local t2021 = os.time{year = 2021, month = 1, day = 1, hour = 0}
print(t2021 - t2020, (t2021 - t2020) // 86400)
print(os.date("%Y-%m-%d %H:%M:%S", t2020))
local d = os.date("*t", os.time{year = 2020, month = 2, day = 30, hour = 12})
print(d.year, d.month, d.day, d.hour, d.min, d.sec)
print(os.time{year = 2020, month = 1, day = 2, hour = 0} - t2020)
print(math.type(t2020), os.difftime(t2021, t2020))
local u = os.date("!*t", 0)
print(u.year, u.month, u.day, u.hour, u.wday, u.yday, u.isdst)
print(pcall(os.time, {year = 2020}))
print(os.date("!%A %B %j", 0), os.date("!%y %%", 0))
print(type(os.time()), type(os.clock()))
