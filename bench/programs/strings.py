# String building and string-library calls: number to string, concatenation,
# upper/lower case, find, slices, contains, join and replace.
N = 300000  # small: 6000
total = 0
parts = []
for i in range(N):
    s = "key" + str(i) + ":" + str(i * 7 % 1000)
    u = s.upper()
    pos = u.find(":")
    head = u[:pos]
    tail = u[pos + 1:]
    total += len(head) * 3 + len(tail) + pos
    if "77" in s:
        total += 1
    parts.append(head.lower() + "=" + tail)
    if len(parts) == 100:
        line = ",".join(parts).replace("key", "k")
        total += len(line)
        parts = []
print(total)
