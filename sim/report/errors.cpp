#include "sim/report/errors.h"

#include <exception>
#include <new>

#include "cpu/execute.h"
#include "cpu/asm/input_error.h"
#include "cpu/mem_port.h"

namespace locksim {

int report_current_exception(std::ostream& err) {
  try {
    throw;
  } catch (const InputError& e) {
    err << e.what() << "\n";
    return 2;
  } catch (const cpu::ExecutionFault& e) {
    err << "error: " << e.what() << "\n";
    return 3;
  } catch (const cpu::MemoryFault& e) {
    err << "error: " << e.what() << "\n";
    return 3;
  } catch (const std::bad_alloc&) {
    err << "internal error: out of memory (a limit that should have stopped this first did not)\n" << kReportBug;
  } catch (const std::exception& e) {
    err << "internal error: " << e.what() << "\n" << kReportBug;
  } catch (...) {
    err << "internal error: an exception of unknown type\n" << kReportBug;
  }
  return kExitInternalError;
}

}  // namespace locksim
