print("hello from llmspell")
