"""The sandbox: policy (limits and permissions) and, later, the static validator."""
