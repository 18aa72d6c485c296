// run_ordered and extract_stream: an ordered parallel map with a bounded window, so the output is
// the same for any thread count and memory stays flat for any input size.
#include <corpgraph/extract.hpp>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace corpgraph {

namespace {

struct Slot {
  std::unique_ptr<StreamJob> job;
  std::exception_ptr error;
  bool done = false;
};

class ArticleJob final : public StreamJob {
 public:
  ArticleJob(const Extractor& extractor, Article article)
      : extractor_(extractor), article_(std::move(article)) {}
  void run() override { relations_ = extractor_.extract(article_); }
  const Extractor& extractor_;
  Article article_;
  std::vector<Relation> relations_;
};

}  // namespace

void run_ordered(const std::function<std::unique_ptr<StreamJob>()>& next,
                 const std::function<void(StreamJob&)>& done, unsigned threads) {
  if (threads <= 1) {
    while (auto job = next()) {
      job->run();
      done(*job);
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
          slot->job->run();
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
        auto job = next();
        if (!job) {
          more = false;
          break;
        }
        auto slot = std::make_unique<Slot>();
        slot->job = std::move(job);
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
      done(*oldest.job);
      in_flight.pop_front();
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex);
      queue.clear();
    }
    // Workers may still be running jobs we own: wait for them before the slots go away.
    stop();
    throw;
  }
  stop();
}

void extract_stream(const Extractor& extractor, const std::function<std::optional<Article>()>& next,
                    const std::function<void(const Article&, std::vector<Relation>&&)>& sink,
                    unsigned threads) {
  run_ordered(
      [&]() -> std::unique_ptr<StreamJob> {
        auto article = next();
        if (!article) return nullptr;
        return std::make_unique<ArticleJob>(extractor, std::move(*article));
      },
      [&](StreamJob& job) {
        auto& a = static_cast<ArticleJob&>(job);
        sink(a.article_, std::move(a.relations_));
      },
      threads);
}

}  // namespace corpgraph
