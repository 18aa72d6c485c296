// extract_stream: an ordered parallel map with a bounded window, so the output is the same for
// any thread count and memory stays flat for any input size.
#include <corpgraph/extract.hpp>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace corpgraph {

namespace {

struct Slot {
  Article article;
  std::vector<Relation> relations;
  std::exception_ptr error;
  bool done = false;
};

}  // namespace

void extract_stream(const Extractor& extractor, const std::function<std::optional<Article>()>& next,
                    const std::function<void(const Article&, std::vector<Relation>&&)>& sink,
                    unsigned threads) {
  if (threads <= 1) {
    while (auto article = next()) {
      auto relations = extractor.extract(*article);
      sink(*article, std::move(relations));
    }
    return;
  }
  const std::size_t window = static_cast<std::size_t>(threads) * 4;
  std::mutex mutex;
  std::condition_variable work_ready, slot_done;
  std::deque<Slot*> queue;  // slots waiting for a worker
  bool closing = false;

  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      while (true) {
        Slot* slot = nullptr;
        {
          std::unique_lock lock(mutex);
          work_ready.wait(lock, [&] { return closing || !queue.empty(); });
          if (queue.empty()) return;
          slot = queue.front();
          queue.pop_front();
        }
        try {
          slot->relations = extractor.extract(slot->article);
        } catch (...) {
          slot->error = std::current_exception();
        }
        {
          std::lock_guard lock(mutex);
          slot->done = true;
        }
        slot_done.notify_all();
      }
    });
  }
  auto stop = [&] {
    {
      std::lock_guard lock(mutex);
      closing = true;
    }
    work_ready.notify_all();
    for (auto& w : workers) w.join();
  };

  std::deque<std::unique_ptr<Slot>> in_flight;  // input order
  bool more = true;
  try {
    while (more || !in_flight.empty()) {
      while (more && in_flight.size() < window) {
        auto article = next();
        if (!article) {
          more = false;
          break;
        }
        auto slot = std::make_unique<Slot>();
        slot->article = std::move(*article);
        {
          std::lock_guard lock(mutex);
          queue.push_back(slot.get());
        }
        work_ready.notify_one();
        in_flight.push_back(std::move(slot));
      }
      if (in_flight.empty()) break;
      Slot& oldest = *in_flight.front();
      {
        std::unique_lock lock(mutex);
        slot_done.wait(lock, [&] { return oldest.done; });
      }
      if (oldest.error) std::rethrow_exception(oldest.error);
      sink(oldest.article, std::move(oldest.relations));
      in_flight.pop_front();
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex);
      queue.clear();
    }
    // Workers may still be extracting slots we own: wait for them before the slots go away.
    stop();
    throw;
  }
  stop();
}

}  // namespace corpgraph
