#include "cpu/asm/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cpu/asm/input_error.h"

namespace locksim {

std::string read_input_file(const std::string& path, const std::string& what) {
  auto fail = [&](const std::string& why) { throw InputError("cannot read " + what + " '" + path + "': " + why); };
  // O_NONBLOCK: opening a FIFO must not wait for a writer before we can
  // refuse it.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) fail(std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail(std::strerror(errno));
  if (S_ISDIR(st.st_mode)) fail("it is a directory");
  if (!S_ISREG(st.st_mode)) fail("not a regular file");
  std::string text;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(std::strerror(errno));
    }
    if (n == 0) break;
    if (text.size() + static_cast<size_t>(n) > kMaxInputFileBytes)
      fail("larger than the limit of " + std::to_string(kMaxInputFileBytes >> 20) + " MiB for input files");
    text.append(buf, static_cast<size_t>(n));
  }
  return text;
}

}  // namespace locksim
