#include "state/ui_describe.h"
#include "jobs.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "core/data/cifar_loader.h"
#include "core/data/data_location.h"
#include "core/data/download.h"
#include "core/run/prediction_cache.h"
#include "core/run/flip_runs.h"
#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/unlearn/sweep.h"
#include "core/util/error.h"
#include "state/run_contents.h"
#include "report/run_report.h"
#include "state/session.h"
#include "state/task_manager.h"

namespace poisonlab::gui {

namespace fs = std::filesystem;

Jobs::Jobs(Session* session, TaskManager* tasks, QObject* parent)
    : QObject(parent), session_(session), tasks_(tasks) {}

void Jobs::finishOnSuccess(Task* task, const QString& failure, std::function<void()> done) {
  connect(task, &Task::finished, this, [this, task, failure, done](Task::State s) {
    if (s == Task::State::Succeeded)
      done();
    else if (s == Task::State::Failed)
      emit failed(task, failure);
  });
}

QString Jobs::originalModelPath() const {
  if (session_->runDir().isEmpty()) return {};
  return QString::fromStdString(modelPath(session_->runDir().toStdString()));
}

Task* Jobs::openData(const QString& path, const TriggerSpec& trigger, const PoisonSpec& spec) {
  auto result = std::make_shared<std::shared_ptr<const PoisonedDataset>>();
  auto clean = std::make_shared<std::shared_ptr<const Dataset>>();
  auto note = std::make_shared<QString>();
  const std::string p = path.toStdString();
  Task* task = tasks_->start(
      tr("Load %1").arg(QFileInfo(path).fileName()),
      [p, result, clean, note, trigger, spec](TaskContext& ctx) {
        auto ds =
            std::make_shared<const Dataset>(loadDataset(p, ctx.progressFn(), &ctx.cancelToken()));
        ctx.progress(1.0, "poisoning");
        PoisonSpec use = spec;
        try {
          use.validate(*ds);
        } catch (const Error& e) {
          // The count does not fit a small data set: the same attack at the log's rate (1 %).
          use.rate = 0.01;
          *note = tr("%1; poisoning 1 % of the training set instead.")
                      .arg(QString::fromStdString(e.what()));
        }
        *result = std::make_shared<const PoisonedDataset>(poisonlab::applyPoison(ds, trigger, use));
        *clean = ds;
      });
  connect(task, &Task::finished, this, [this, task, result, clean, note](Task::State s) {
    if (s == Task::State::Succeeded) {
      session_->setData(*clean, *result, QString());
      if (!note->isEmpty()) emit message(*note);
    } else if (s == Task::State::Failed) {
      emit failed(task, tr("Could not load the data set"));
      if (!session_->hasData()) emit noData(task->errorMessage());
    } else if (!session_->hasData()) {
      emit noData(tr("Loading was cancelled."));
    }
  });
  return task;
}

Task* Jobs::openRun(const QString& dir) {
  auto result = std::make_shared<std::shared_ptr<const PoisonedDataset>>();
  auto clean = std::make_shared<std::shared_ptr<const Dataset>>();
  auto contents = std::make_shared<RunContents>();
  const std::string d = dir.toStdString();
  auto cached = session_->cleanData();
  Task* task = tasks_->start(
      tr("Open run %1").arg(QFileInfo(dir).fileName()),
      [d, cached, result, clean, contents](TaskContext& ctx) {
        const Experiment exp = readExperiment(d);
        std::shared_ptr<const Dataset> ds = cached;
        std::error_code ec;
        if (!ds || !fs::equivalent(fs::path(ds->source), fs::path(exp.dataSource), ec))
          ds = std::make_shared<const Dataset>(
              loadDataset(exp.dataSource, ctx.progressFn(), &ctx.cancelToken()));
        *result = std::make_shared<const PoisonedDataset>(poisonlab::openRun(d, ds));
        *clean = ds;
        ctx.progress(1.0, "reading the results");
        *contents = readRunContents(d, **result);
      });
  connect(task, &Task::finished, this, [this, task, result, clean, contents, dir](Task::State s) {
    if (s == Task::State::Succeeded) {
      showRun(session_, *clean, *result, dir, *contents);
      emit runOpened(dir, contents->config, contents->hasConfig);
      if (!contents->problems.isEmpty())
        emit message(tr("Some results could not be read: %1").arg(contents->problems.join("; ")));
    } else if (s == Task::State::Failed) {
      emit failed(task, tr("Could not open the run folder %1").arg(dir));
    }
  });
  return task;
}

Task* Jobs::download(const TriggerSpec& trigger, const PoisonSpec& spec) {
  const std::string dest = userDataDir();
  auto path = std::make_shared<std::string>();
  Task* task = tasks_->start(tr("Download CIFAR-10"), [dest, path](TaskContext& ctx) {
    DownloadOptions o;
    o.destDir = dest;
    *path = downloadFile(o, ctx.progressFn(), &ctx.cancelToken()).path;
  });
  emit noData(tr("Downloading CIFAR-10 into %1…\nProgress is shown in the Jobs panel.")
                  .arg(QString::fromStdString(dest)));
  connect(task, &Task::finished, this, [this, task, path, trigger, spec](Task::State s) {
    if (s == Task::State::Succeeded) {
      openData(QString::fromStdString(*path), trigger, spec);
    } else if (s == Task::State::Failed) {
      emit failed(task, tr("The download failed"));
      if (!session_->hasData()) emit noData(task->errorMessage());
    } else if (!session_->hasData()) {
      emit noData(
          tr("The download was cancelled; the part already received is kept and the next "
             "download resumes it."));
    }
  });
  return task;
}

Task* Jobs::applyPoison(const TriggerSpec& trigger, const PoisonSpec& spec) {
  auto clean = session_->cleanData();
  // While a training job runs, its data stay the session's: the finishing training then
  // adopts the right run.
  if (!clean || trainTask_) return nullptr;
  auto result = std::make_shared<std::shared_ptr<const PoisonedDataset>>();
  Task* task = tasks_->start(tr("Poison %1").arg(describeTrigger(trigger)),
                             [clean, trigger, spec, result](TaskContext& ctx) {
                               ctx.progress(0, "stamping the trigger");
                               *result = std::make_shared<const PoisonedDataset>(
                                   poisonlab::applyPoison(clean, trigger, spec));
                             });
  finishOnSuccess(task, tr("Could not poison the data set"),
                  [this, clean, result] { session_->setData(clean, *result, QString()); });
  return task;
}

Task* Jobs::importLabels(const QString& file, const QString& order,
                         std::function<void(std::shared_ptr<const LabelPoison>, QString)> done) {
  auto clean = session_->cleanData();
  if (!clean) return nullptr;
  auto result = std::make_shared<std::shared_ptr<const LabelPoison>>();
  LabelOrder o;
  o.file = order.toStdString();
  Task* task = tasks_->start(
      tr("Read labels %1").arg(QFileInfo(file).fileName()),
      [clean, f = file.toStdString(), o, result](TaskContext& ctx) {
        ctx.progress(0, "reading the label file");
        *result = std::make_shared<const LabelPoison>(labelPoisonFromFile(*clean, f, o));
      });
  connect(task, &Task::finished, this, [task, result, done](Task::State s) {
    if (s == Task::State::Succeeded)
      done(*result, {});
    else if (s == Task::State::Failed)
      done(nullptr, task->errorMessage());
  });
  return task;
}

Task* Jobs::computeFlip(const FlipConfig& config, const QString& dirIn) {
  auto clean = session_->cleanData();
  if (!clean) return nullptr;
  QString dir = dirIn;
  if (dir.isEmpty()) {
    dir = QDir(runsFolder())
              .filePath(QStringLiteral("flip-") +
                        QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    for (int k = 2; QFileInfo::exists(dir); ++k)
      dir =
          QDir(runsFolder())
              .filePath(
                  QStringLiteral("flip-%1-%2")
                      .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")))
                      .arg(k));
  }
  auto outputs = std::make_shared<FlipOutputs>();
  auto className = [&](int c) {
    return c >= 0 && c < clean->numClasses()
               ? QString::fromStdString(clean->classNames[std::size_t(c)])
               : QString::number(c);  // the job refuses it, naming the field
  };
  Task* task = tasks_->start(
      tr("Compute FLIP labels (%1, %2 -> %3)")
          .arg(describeTrigger(config.trigger), className(config.source), className(config.target)),
      [clean, config, out = dir.toStdString(), outputs](TaskContext& ctx) {
        using Clock = std::chrono::steady_clock;
        auto lastPost = Clock::now() - std::chrono::seconds(1);
        FlipCallbacks cb;
        cb.onBatch = [&](const FlipProgress& p) {
          ctx.progress(p.fraction, p.stage == "experts" ? "expert " + std::to_string(p.expert) +
                                                              ", epoch " + std::to_string(p.epoch)
                                                        : "label pass " + std::to_string(p.pass) +
                                                              "/" + std::to_string(p.passes));
          // Every label batch is a point of the curve; the experts' batches four a second.
          const auto now = Clock::now();
          if (p.stage == "experts" && now - lastPost < std::chrono::milliseconds(250)) return;
          lastPost = now;
          FlipLive live;
          live.progress = p;
          ctx.post(live);
        };
        cb.onExpert = [&](int e, double cta, double pta) {
          FlipLive live;
          live.expertDone = e;
          live.cta = cta;
          live.pta = pta;
          ctx.post(live);
        };
        cb.onPass = [&](int pass, double mean) {
          FlipLive live;
          live.passDone = pass;
          live.passMean = mean;
          ctx.post(live);
        };
        const FlipResult r = computeFlipLabels(*clean, config, out, cb, &ctx.cancelToken());
        ctx.progress(1, "writing the label files and runs");
        *outputs = writeFlipOutputs(clean, config, r, out, LabelOrder{}, /*makeRuns=*/true);
      },
      TaskManager::Lane::Engine);
  connect(task, &Task::finished, this, [this, task, dir, outputs, clean](Task::State s) {
    if (s == Task::State::Failed) emit failed(task, tr("FLIP failed"));
    if (s != Task::State::Succeeded) return;
    QStringList runs, lines;
    for (const FlipBudgetOutput& b : outputs->budgets) {
      runs << QString::fromStdString(b.run);
      QString top;
      if (!b.flips.empty())
        top = tr("%1 -> %2: %3")
                  .arg(QString::fromStdString(clean->classNames[std::size_t(b.flips[0].from)]))
                  .arg(QString::fromStdString(clean->classNames[std::size_t(b.flips[0].to)]))
                  .arg(b.flips[0].count);
      lines << tr("%n label(s) flipped (most: %1): %2", "", b.budget)
                   .arg(top, QString::fromStdString(b.file));
    }
    emit flipFinished(task, dir, runs,
                      tr("Written to %1:").arg(dir) + QLatin1Char('\n') + lines.join('\n') +
                          QLatin1Char('\n') +
                          tr("One label-only run per budget is in Runs (what if), ready to "
                             "open and train."));
  });
  return task;
}

QString Jobs::runsFolder() {
  QSettings settings;
  const QString fallback =
      QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/runs";
  return settings.value(QStringLiteral("runs/folder"), fallback).toString();
}

QString Jobs::newRunFolder() {
  // Named by the time; a second run in the same second gets a suffix and never reuses (and
  // overwrites) another run's folder. The folder is created here to claim the name.
  const QString base =
      QDir(runsFolder())
          .filePath(QStringLiteral("run-") +
                    QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
  QString dir = base;
  for (int k = 2; QFileInfo::exists(dir) || !QDir().mkpath(dir); ++k) {
    if (k > 1000) throw Error(base.toStdString() + ": could not create a new run folder");
    dir = QStringLiteral("%1-%2").arg(base).arg(k);
  }
  return dir;
}

Task* Jobs::train(const TrainConfig& config) {
  auto data = session_->data();
  if (!data || trainTask_) return nullptr;
  // A run folder holds one training: an unsaved run, or one that already has a model (or a
  // checkpoint of another recipe), gets a new folder with the same experiment.
  QString dir = session_->runDir();
  const std::string cur = dir.toStdString();
  if (dir.isEmpty() || fs::exists(modelPath(cur)) || fs::exists(checkpointPath(cur)))
    dir = newRunFolder();
  const std::string runDir = dir.toStdString();
  auto result = std::make_shared<TrainResult>();
  Task* task = tasks_->start(
      tr("Train %1, %2 epochs").arg(describeModel(config.model)).arg(config.epochs),
      [data, config, runDir, result](TaskContext& ctx) {
        ctx.progress(0, "writing the run folder");
        writeRun(runDir, describeExperiment(*data), *data);
        // Per-batch figures reach the GUI at most four times a second, as one averaged point.
        using Clock = std::chrono::steady_clock;
        auto start = Clock::now(), lastPost = start;
        double lossSum = 0;
        int lossCount = 0;
        TrainCallbacks cb;
        cb.onBatch = [&](const BatchStats& b) {
          lossSum += b.loss;
          ++lossCount;
          const double fraction = (b.epoch - 1 + double(b.batch) / b.batches) / config.epochs;
          ctx.progress(fraction,
                       "epoch " + std::to_string(b.epoch) + "/" + std::to_string(config.epochs));
          const auto now = Clock::now();
          if (now - lastPost < std::chrono::milliseconds(250) && b.batch != b.batches) return;
          TrainLive live;
          live.batch = b;
          live.x = b.epoch - 1 + double(b.batch) / b.batches;
          live.loss = lossSum / lossCount;
          live.elapsed = std::chrono::duration<double>(now - start).count();
          lossSum = 0;
          lossCount = 0;
          lastPost = now;
          ctx.post(live);
        };
        cb.onEpoch = [&](const EpochStats& e) { ctx.post(e); };
        *result = trainModel(*data, config, runDir, cb, &ctx.cancelToken());
      },
      TaskManager::Lane::Engine);
  trainTask_ = task;
  emit trainingStarted(task, config.epochs);
  connect(task, &Task::finished, this, [this, task, result, dir, data](Task::State s) {
    trainTask_ = nullptr;
    if (data != session_->data()) {
      // Another data set was opened meanwhile: the run stays in its folder, not adopted.
      if (s == Task::State::Succeeded)
        emit message(tr("Training finished in %1 (open it from File > Recent runs)").arg(dir));
      if (s == Task::State::Failed) emit failed(task, tr("Training failed"));
      emit trainingFinished(task, dir);
      return;
    }
    session_->setRunDir(dir);  // the folder exists now, with the experiment (and checkpoint)
    if (s == Task::State::Succeeded) {
      session_->setTrainResult(*result);
      ModelVersion original;
      original.name = QStringLiteral("original");
      original.method = QStringLiteral("trained");
      original.modelPath = QString::fromStdString(modelPath(dir.toStdString()));
      original.eval = result->final;
      session_->setVersions({original});  // the window asks for its predictions
    } else if (s == Task::State::Failed) {
      emit failed(task, tr("Training failed"));
    }
    emit trainingFinished(task, dir);
  });
  return task;
}

Task* Jobs::predict() {
  auto data = session_->data();
  const ModelVersion* v = session_->current();
  if (!data || !v || session_->runDir().isEmpty()) return nullptr;
  const std::string run = session_->runDir().toStdString();
  const std::string model = v->modelPath.toStdString();
  const int version = session_->currentVersion();
  auto probs = std::make_shared<std::vector<float>>();
  Task* task = tasks_->start(
      tr("Predict the training set (%1)").arg(v->name),
      [data, run, model, probs](TaskContext& ctx) {
        ctx.progress(0, "classifying " + std::to_string(data->train.count()) + " images");
        InferenceOptions o;
        o.precision = Precision::Auto;
        *probs = trainingProbabilities(run, model, *data, o, ctx.progressFn(), &ctx.cancelToken());
      },
      TaskManager::Lane::Engine);
  finishOnSuccess(task, tr("Could not classify the training images"), [this, probs, data, version] {
    // Only if nothing changed meanwhile.
    if (data == session_->data() && version == session_->currentVersion())
      session_->setPredictions(std::move(*probs));
  });
  return task;
}

Task* Jobs::detect(const DetectRequest& request) {
  auto data = session_->data();
  const QString run = session_->runDir();
  if (!data || run.isEmpty() || !QFileInfo::exists(originalModelPath())) return nullptr;
  const std::string r = run.toStdString();
  auto report = std::make_shared<DetectionReport>();
  Task* task = tasks_->start(
      tr("Detect: %1").arg(QString::fromStdString(detectionName(request))),
      [data, r, request, report](TaskContext& ctx) {
        *report = runDetector(r, *data, request, ctx.progressFn(), &ctx.cancelToken());
        ctx.progress(1.0, "writing " + detectDir(r));
        writeDetection(r, *data, *report);
      },
      TaskManager::Lane::Engine);
  finishOnSuccess(task, tr("The detector failed"), [this, data, report] {
    if (data == session_->data()) session_->addDetection(report);
  });
  return task;
}

Task* Jobs::unlearn(const UnlearnRequest& request) { return unlearn(request, QString()); }

Task* Jobs::unlearn(UnlearnRequest request, const QString& forgetSpec) {
  auto data = session_->data();
  const QString run = session_->runDir();
  if (!data || run.isEmpty() || !QFileInfo::exists(originalModelPath())) return nullptr;
  const std::string r = run.toStdString();
  auto result = std::make_shared<UnlearnResult>();
  Task* task = tasks_->start(
      tr("Unlearn: %1").arg(QString::fromStdString(unlearnName(request))),
      [data, r, request, result, spec = forgetSpec.toStdString()](TaskContext& ctx) mutable {
        if (!spec.empty()) {
          request.forget = resolveForgetSet(spec, r, *data, request.select.seed);
        } else {
          // A forget set given by index (the selection): count its poisons for the record.
          request.forget.poisons = 0;
          for (auto i : request.forget.indices)
            request.forget.poisons += data->poisonedMask.at(static_cast<std::size_t>(i));
        }
        *result = poisonlab::unlearn(r, *data, request, ctx.progressFn(), &ctx.cancelToken());
      },
      TaskManager::Lane::Engine);
  finishOnSuccess(task, tr("Unlearning failed"), [this, data, result] {
    if (data != session_->data()) return;
    session_->addVersion(versionOf(*result, session_->runDir().toStdString()));
  });
  return task;
}

Task* Jobs::sweep(const std::vector<double>& fractions, const std::vector<UnlearnMethod>& methods,
                  const UnlearnRequest& base) {
  auto data = session_->data();
  const QString run = session_->runDir();
  if (!data || run.isEmpty() || !QFileInfo::exists(originalModelPath())) return nullptr;
  const std::string r = run.toStdString();
  Task* task = tasks_->start(
      tr("Corrective sweep"),
      [data, r, fractions, methods, base](TaskContext& ctx) {
        auto rows = unlearnSweep(
            r, *data, fractions, methods, base, /*seed=*/0, /*reuse=*/true,
            [&](const SweepRow& row) { ctx.post(row.result); }, ctx.progressFn(),
            &ctx.cancelToken());
        writeSweep(r, rows);
      },
      TaskManager::Lane::Engine);
  // Each finished row is a model version as soon as it is there (not made current).
  onLive<UnlearnResult>(task, this, [this, data](const UnlearnResult& result) {
    if (data != session_->data()) return;
    session_->appendVersion(versionOf(result, session_->runDir().toStdString()));
  });
  connect(task, &Task::finished, this, [this, task](Task::State s) {
    if (s == Task::State::Failed) emit failed(task, tr("The sweep failed"));
  });
  return task;
}

Task* Jobs::evaluate(int index) {
  auto data = session_->data();
  if (!data || index < 0 || index >= session_->versions().size()) return nullptr;
  const ModelVersion v = session_->versions()[index];
  const std::string model = v.modelPath.toStdString();
  auto eval = std::make_shared<EvalReport>();
  Task* task = tasks_->start(
      tr("Evaluate %1").arg(v.name),
      [data, model, eval](TaskContext& ctx) {
        ctx.progress(0, "evaluating on the clean and triggered test sets");
        *eval = evaluateModelFile(model, *data, "cpu", Precision::Auto, 0, &ctx.cancelToken());
      },
      TaskManager::Lane::Engine);
  finishOnSuccess(task, tr("Could not evaluate %1").arg(v.name), [this, data, eval, name = v.name] {
    if (data == session_->data()) session_->setVersionEvaluation(name, *eval);
  });
  return task;
}

Task* Jobs::saliency(int index, SaliencyMethod method, int split) {
  auto data = session_->data();
  const ModelVersion* v = session_->current();
  if (!data || !v || index < 0) return nullptr;
  const std::string model = v->modelPath.toStdString();
  auto map = std::make_shared<SaliencyMap>();
  Task* task = tasks_->start(
      tr("Saliency of image %1").arg(index),
      [data, model, index, method, split, map](TaskContext&) {
        const Split& images = split == 1   ? data->clean->test
                              : split == 2 ? data->triggeredTest
                                           : data->train;
        *map = poisonlab::saliency(model, images, index, method);
      },
      TaskManager::Lane::Engine);
  finishOnSuccess(task, tr("Could not compute the saliency"), [this, index, split, map, data] {
    if (data == session_->data()) emit saliencyReady(index, split, *map);
  });
  return task;
}

Task* Jobs::exportReport(const QString& path) {
  if (!session_->hasData()) return nullptr;
  // Drawing needs the GUI thread (the views are widgets, ~0.2 s); the document's layout,
  // PNG encoding and the write do not, and take the longer part.
  auto report = std::make_shared<const RunReport>(*session_);
  const RunReport::Format format = RunReport::formatOfPath(path);
  auto pages = std::make_shared<int>(0);
  Task* task = tasks_->start(tr("Export report %1").arg(QFileInfo(path).fileName()),
                             [report, path, format, pages](TaskContext& ctx) {
                               ctx.progress(0, "writing " + path.toStdString());
                               *pages = report->write(path, format);
                             });
  finishOnSuccess(task, tr("Could not write the report"), [this, path, format, pages] {
    emit message(format == RunReport::Format::Pdf
                     ? tr("Report written to %1 (%n pages)", nullptr, *pages).arg(path)
                     : tr("Report written to %1").arg(path));
  });
  return task;
}

Task* Jobs::saveRunAs(const QString& target) {
  auto data = session_->data();
  if (!data) return nullptr;
  const std::string to = target.toStdString();
  const std::string from = session_->runDir().toStdString();
  Task* task = tasks_->start(
      tr("Save run as %1").arg(target),
      [data, from, to](TaskContext& ctx) {
        std::error_code ec;
        if (fs::exists(to) && !fs::is_empty(to, ec))
          throw Error(to + ": the folder is not empty; choose a new or empty folder");
        if (!from.empty()) {
          // A folder inside the run would be copied into itself.
          const fs::path a = fs::weakly_canonical(from, ec), b = fs::weakly_canonical(to, ec);
          const auto mismatch = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
          if (mismatch.first == a.end())
            throw Error(to + ": is inside the run folder " + from + "; choose a folder outside it");
        }
        if (!from.empty() && fs::exists(from)) {
          ctx.progress(0, "copying " + from);
          fs::create_directories(to);
          fs::copy(from, to, fs::copy_options::recursive);
        } else {
          writeRun(to, describeExperiment(*data), *data);
        }
      },
      // On the engine lane: after the jobs that write the run folder, never while one does.
      TaskManager::Lane::Engine);
  finishOnSuccess(task, tr("Could not save the run"),
                  [this, target] { session_->setRunDir(target); });
  return task;
}

}  // namespace poisonlab::gui
