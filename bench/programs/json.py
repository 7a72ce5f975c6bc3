# A small JSON encoder written in the language (object keys sorted, strings
# escaped), run over generated records.
N = 5000  # small: 60


def encode_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def encode(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if type(v) is int:
        return str(v)
    if type(v) is str:
        return encode_string(v)
    if type(v) is list:
        return "[" + ",".join([encode(x) for x in v]) + "]"
    return "{" + ",".join([encode_string(k) + ":" + encode(v[k]) for k in sorted(v)]) + "}"


def record(i):
    return {
        "id": i,
        "name": "user" + str(i),
        "active": i % 3 == 0,
        "score": i * 37 % 101,
        "tags": ["t" + str(i % 5), "t" + str(i % 7), None],
        "note": 'say "hi"\n\\ ' + str(i) if i % 4 == 0 else "plain",
        "pos": {"x": i % 10, "y": i % 13, "z": [i, -i]},
    }


total = 0
for i in range(N):
    batch = [record(i * 10 + j) for j in range(10)]
    total += len(encode(batch))
print(total)
print(encode(record(4)))
