-- io.write formats floats with %.14g (no '.0') and integers with %d
io.write(1, " ", 1.0, " ", -0.0, " ", 2^63, " ", 0.1, "\n")
io.write(1e15, " ", 1e16, " ", 100 / 2, " ", 7 // 2, "\n")
io.write("a", "b", "c")
io.write()
io.write("\n")
io.write(math.huge, " ", -math.huge, " ", math.mininteger, "\n")
io.write(string.format("%5.1f|", 3.14159), "\n")
