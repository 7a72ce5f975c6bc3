-- State management, as in the seed design: set, dotted paths, transform, merge.
-- Memory persistence needs no permission; "file" and "sqlite" need --allow-write/--allow-read.
local st = state.create({persistence = "memory"})

st:set("conversation_id", "abc123")
st:set("context", {user = "John", topic = "quantum computing", messages = {}})
st:set("credentials", {api_key = "sk-secret", user = "john"})
st:set("context.topic", "quantum physics")

local filtered = st:transform({type = "filter", keys = {"conversation_id", "context.topic"}})
print(filtered.conversation_id, filtered.context.topic, filtered.context.user)

local clean = st:transform({type = "sanitize"})
print(clean.credentials.api_key, clean.credentials.user)

local other = state.create({persistence = "memory"})
other:set("context", {topic = "quantum computing", mood = "curious"})
local merged = st:merge(other, {strategy = "deep", conflictResolution = "theirs"})
print(merged:get("context.topic"), merged:get("context.mood"), merged:get("context.user"))

local snap = st:snapshot()
st:delete("context")
print(st:get("context"))
st:restore(snap)
print(st:get("context.user"))
