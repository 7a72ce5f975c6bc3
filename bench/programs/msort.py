# A bottom-up merge sort written in the language, ordering by a comparator
# function (by last three digits, then by value).
N = 100000  # small: 2500


def less(a, b):
    ka = a % 1000
    kb = b % 1000
    if ka != kb:
        return ka < kb
    return a < b


def merge_sort(a, lt):
    n = len(a)
    src = a
    dst = [0] * n
    width = 1
    while width < n:
        lo = 0
        while lo < n:
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i, j, k = lo, mid, lo
            while i < mid and j < hi:
                if lt(src[j], src[i]):
                    dst[k] = src[j]
                    j += 1
                else:
                    dst[k] = src[i]
                    i += 1
                k += 1
            while i < mid:
                dst[k] = src[i]
                i += 1
                k += 1
            while j < hi:
                dst[k] = src[j]
                j += 1
                k += 1
            lo += 2 * width
        src, dst = dst, src
        width *= 2
    return src


seed = 1
values = []
for _ in range(N):
    seed = seed * 16807 % 2147483647
    values.append(seed)
result = merge_sort(values, less)
check = 0
for i, v in enumerate(result):
    check = (check + (i + 1) * (v % 1000)) % 1000003
print(result[0], result[-1], check)
