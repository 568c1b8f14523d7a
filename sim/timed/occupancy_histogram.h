// Cycles a store buffer spends at each occupancy. A push is stamped with
// the core's own (run-ahead) time and a pop with the drain's time, so the
// two arrive out of order; pushes wait in a queue and are merged in time
// order with the pops, which always come after their own push.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

namespace locksim {

class OccupancyHistogram {
 public:
  explicit OccupancyHistogram(std::vector<uint64_t>& cycles_at_level) : cycles_(cycles_at_level) {}

  void push(uint64_t at) { pushes_.push_back(at); }
  void pop(uint64_t at) {
    apply_pushes_until(at);
    advance(at);
    --level_;
  }
  void finish(uint64_t at) {
    apply_pushes_until(at);
    advance(at);
  }

 private:
  void apply_pushes_until(uint64_t at) {
    while (!pushes_.empty() && pushes_.front() <= at) {
      advance(pushes_.front());
      ++level_;
      pushes_.pop_front();
    }
  }
  void advance(uint64_t at) {
    if (at > since_ && level_ < cycles_.size()) cycles_[level_] += at - since_;
    if (at > since_) since_ = at;
  }

  std::vector<uint64_t>& cycles_;
  std::deque<uint64_t> pushes_;
  uint64_t since_ = 0;
  size_t level_ = 0;
};

}  // namespace locksim
