# The library sort with a comparator function over records (descending key,
# then ascending id: a total order, so every sort gives the same result).
from functools import cmp_to_key

N = 200000  # small: 4000


def compare(a, b):
    if a["key"] != b["key"]:
        return b["key"] - a["key"]
    return a["id"] - b["id"]


seed = 42
items = []
for i in range(N):
    seed = seed * 16807 % 2147483647
    items.append({"key": seed % 1000, "id": i})
items.sort(key=cmp_to_key(compare))
check = 0
for i, item in enumerate(items):
    check = (check + (i + 1) * item["id"]) % 1000003
print(items[0]["id"], items[-1]["id"], check)
