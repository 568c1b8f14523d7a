#include "sim/report/output_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cpu/asm/input_error.h"

namespace locksim {
namespace {

[[noreturn]] void refuse(const std::string& option, const std::filesystem::path& path, const std::string& why) {
  throw InputError(option + ": cannot write '" + path.string() + "': " + why);
}

std::filesystem::path directory_of(const std::filesystem::path& path) {
  auto dir = path.parent_path();
  return dir.empty() ? std::filesystem::path(".") : dir;
}

}  // namespace

void require_output_file(const std::filesystem::path& path, const std::string& option) {
  if (path.empty()) refuse(option, path, "empty file name");
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) refuse(option, path, "it is a symbolic link (name the file itself)");
    if (S_ISDIR(st.st_mode)) refuse(option, path, "it is a directory (expected a file name)");
    if (!S_ISREG(st.st_mode)) refuse(option, path, "not a regular file (a device, FIFO or socket)");
  } else if (errno != ENOENT) {
    refuse(option, path, std::strerror(errno));
  }
  const auto dir = directory_of(path);
  struct stat d {};
  if (::stat(dir.c_str(), &d) != 0 || !S_ISDIR(d.st_mode)) refuse(option, path, "no such directory");
  // Proves the directory takes new files (permissions, read-only mounts).
  std::error_code ec;
  std::filesystem::remove(temporary_beside(path, option), ec);
}

std::filesystem::path temporary_beside(const std::filesystem::path& path, const std::string& option) {
  std::string name = (directory_of(path) / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(name.data());
  if (fd < 0) refuse(option, path, std::strerror(errno));
  // mkstemp makes it 0600; an output gets the permissions a new file would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  return name;
}

void commit_output(const std::filesystem::path& temporary, const std::filesystem::path& path, const std::string& option) {
  std::error_code ec;
  try {
    require_output_file(path, option);  // nothing put a directory or link there meanwhile
  } catch (...) {
    std::filesystem::remove(temporary, ec);
    throw;
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int e = errno;
    std::filesystem::remove(temporary, ec);
    refuse(option, path, std::strerror(e));
  }
}

void write_temporary(const std::filesystem::path& tmp, const std::string& text, const std::filesystem::path& path,
                     const std::string& option) {
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  bool ok = fd >= 0;
  int e = ok ? 0 : errno;
  for (size_t done = 0; ok && done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ok = false, e = errno;
    else done += static_cast<size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0 && ok) ok = false, e = errno;
  if (!ok) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    refuse(option, path, std::strerror(e));
  }
}

void write_file(const std::filesystem::path& path, const std::string& text, const std::string& option) {
  const auto tmp = temporary_beside(path, option);
  write_temporary(tmp, text, path, option);
  commit_output(tmp, path, option);
}

}  // namespace locksim
