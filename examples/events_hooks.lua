-- Events and hooks, as in the seed design, around an offline model.
events.on("llm.*", function(event)
    print("event: " .. event.name)
end)
events.on("custom.milestone", function(event)
    print(string.format("milestone: %s reached %s", event.data.workflow, event.data.stage))
end)

hooks.register({
    beforeGenerate = function(ctx, request)
        request.temperature = 0.7          -- change the request before it is sent
        return request
    end,
    afterGenerate = function(ctx, request, response)
        log.info("generated", {tokens = response.usage.total_tokens, temperature = request.temperature})
        return response
    end,
    beforeToolCall = function(ctx, tool, input)
        if tool == "file_write" and input.path:match("^/etc/") then
            error("Cannot write to system directories", 0)
        end
        return input
    end,
})

local response = llm.complete({model = "scripted/echo", prompt = "Explain quantum computing"})
print(response.content)
events.emit("custom.milestone", {workflow = "research", stage = "completed"})
