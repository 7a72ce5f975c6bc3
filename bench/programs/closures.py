# Closures and upvalues: make counters, adders and compositions, call them,
# and update captured variables.
N = 300000  # small: 6000


def make_counter(step):
    count = 0

    def inc():
        nonlocal count
        count += step
        return count
    return inc


def make_adder(n):
    return lambda x: x + n


def compose(f, g):
    return lambda x: f(g(x))


ticks = make_counter(1)
total = 0
for i in range(N):
    c = make_counter(i % 5 + 1)
    c()
    c()
    f = compose(make_adder(i % 7), make_adder(3))
    total = (total + c() + f(i) + ticks()) % 1000003
print(total)
