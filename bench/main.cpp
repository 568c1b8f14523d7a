// locksim-bench: the speed benchmarks, a program of their own (the product
// does not contain them). Each prints one JSON object.
#include <CLI/CLI.hpp>

#include <iostream>

#include "bench/explore_bench.h"
#include "bench/interp_bench.h"
#include "bench/timed_bench.h"
#include "sim/report/errors.h"
#include "sim/timed/systemc_job.h"

int main(int argc, char** argv) {
  CLI::App app{"locksim-bench: speed of locksim's engines, as one JSON object"};
  std::string name;
  app.add_option("name", name, "interp (the instruction semantics), timed (the SystemC engine) or explore (the x86-TSO explorer)")
      ->required()
      ->check(CLI::IsMember({"interp", "timed", "explore"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    if (name == "interp") return locksim::bench::run_interp_bench(std::cout);
    if (name == "explore") return locksim::bench::run_explore_bench(std::cout);
    return locksim::run_in_systemc([] { return locksim::bench::run_timed_bench(std::cout); });
  } catch (...) {
    return locksim::report_current_exception(std::cerr);
  }
}
