# Arithmetic in a loop at the top level.
N = 3000000  # small: 60000
s = 0
for i in range(1, N + 1):
    s = s + i % 7 * 3
print(s)
