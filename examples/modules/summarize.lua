-- summarize.lua: a Lua spell using a JavaScript library and a Tengo one
-- Run: llmspell run examples/modules/summarize.lua
local text = require("textkit")          -- textkit.js
local cfg  = require("config")           -- config.tengo
local words = text.words(cfg.sample)
print(#words, text.title(words[1]), cfg.limits.max_words)
print(pcall(text.strict, ""))            -- false   ...: Error: empty text
