"""The Tengo front end: a Lark LALR grammar with Go's semicolon insertion, lowered to the IR."""
