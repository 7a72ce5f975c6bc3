# Recursive calls: naive Fibonacci.
N = 32  # small: 22


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(N))
