// Reading an input file (assembly, scenario, machine config, litmus test,
// stats): one place decides what may be read and how failures are reported.
#pragma once

#include <cstdint>
#include <string>

namespace locksim {

// No input file locksim reads is larger than this; a larger one is an
// error naming the limit rather than a read that exhausts memory.
inline constexpr uint64_t kMaxInputFileBytes = 64ull << 20;

// The whole contents of the regular file `path`. A missing file, a
// directory, a FIFO or device (which could block or never end), a read
// error (EIO) or a file over kMaxInputFileBytes throws InputError naming
// `what` ("assembly file", "scenario") and the reason.
std::string read_input_file(const std::string& path, const std::string& what);

}  // namespace locksim
