"""The Lua 5.4 front end: ``parse`` (Lark grammar + hand lexer) → ``resolve`` → ``lower``."""
