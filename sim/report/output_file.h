// Output files (stats, JSON, plots, traces) are written whole or not at
// all, and only to a regular file or a new name: a reader (or a script
// polling the directory) never sees a half-written file, and a directory,
// device, FIFO or symbolic link named as an output is refused before any
// work starts, never replaced (as root, "--json /dev/null" would otherwise
// replace /dev/null).
#pragma once

#include <filesystem>
#include <string>

namespace locksim {

// Throws InputError naming `option` unless `path` is an existing regular
// file or a new name in an existing, writable directory.
void require_output_file(const std::filesystem::path& path, const std::string& option);

// A temporary file beside `path` (same directory, so renaming it over
// `path` is atomic), created empty; its name is returned.
std::filesystem::path temporary_beside(const std::filesystem::path& path, const std::string& option);

// Fills a temporary_beside(path) file with `text`; on failure it is removed
// and the error names `path`.
void write_temporary(const std::filesystem::path& temporary, const std::string& text, const std::filesystem::path& path,
                     const std::string& option);

// Moves a finished temporary file onto `path` (after checking `path` again).
void commit_output(const std::filesystem::path& temporary, const std::filesystem::path& path, const std::string& option);

// Writes `text` to `path` through a temporary file.
void write_file(const std::filesystem::path& path, const std::string& text, const std::string& option);

}  // namespace locksim
