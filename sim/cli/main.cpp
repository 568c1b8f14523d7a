// locksim: every command but the timed ones runs in this (static) process.
#include "sim/cli/cli.h"

int main(int argc, char** argv) { return locksim::cli_main(argc, argv, nullptr); }
