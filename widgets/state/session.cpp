#include "state/session.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <sstream>

#include "core/util/atomic_file.h"

namespace poisonlab::gui {

// ---------------------------------------------------------------- SampleSelection

bool SampleSelection::contains(int index) const {
  return std::binary_search(indices_.begin(), indices_.end(), index);
}

void SampleSelection::select(std::vector<int> indices, Mode mode) {
  std::sort(indices.begin(), indices.end());
  indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
  std::vector<int> next;
  switch (mode) {
    case Mode::Replace:
      next = std::move(indices);
      break;
    case Mode::Add:
      std::set_union(indices_.begin(), indices_.end(), indices.begin(), indices.end(),
                     std::back_inserter(next));
      break;
    case Mode::Remove:
      std::set_difference(indices_.begin(), indices_.end(), indices.begin(), indices.end(),
                          std::back_inserter(next));
      break;
    case Mode::Toggle:
      std::set_symmetric_difference(indices_.begin(), indices_.end(), indices.begin(),
                                    indices.end(), std::back_inserter(next));
      break;
  }
  if (next == indices_) return;
  indices_ = std::move(next);
  emit changed();
}

void SampleSelection::setCurrent(int index) {
  if (index == current_) return;
  current_ = index;
  emit currentChanged(index);
}

void SampleSelection::exportCsv(const QString& path) const {
  std::ostringstream out;
  out << "index\n";
  for (int i : indices_) out << i << '\n';
  writeFileAtomic(path.toStdString(), out.str());
}

// ---------------------------------------------------------------- undoable version changes

/// Adds a version and makes it current (add = true), or only changes the current one.
class VersionCommand : public QUndoCommand {
 public:
  VersionCommand(Session* s, const ModelVersion& v, int from)
      : QUndoCommand(QObject::tr("Unlearn: %1").arg(v.name)),
        s_(s),
        v_(v),
        from_(from),
        add_(true) {}
  VersionCommand(Session* s, int from, int to)
      : QUndoCommand(QObject::tr("Make %1 current").arg(s->versions().at(to).name)),
        s_(s),
        from_(from),
        to_(to),
        add_(false) {}
  void redo() override {
    if (add_) {
      to_ = s_->versions().size();
      s_->insertVersion(to_, v_);
    }
    s_->setCurrentDirect(to_);
  }
  void undo() override {
    s_->setCurrentDirect(from_);
    if (add_) s_->removeVersion(to_);
  }

 private:
  Session* s_;
  ModelVersion v_;
  int from_, to_ = -1;
  bool add_;
};

// ---------------------------------------------------------------- Session

Session::Session(QObject* parent)
    : QObject(parent), undo_(new QUndoStack(this)), selection_(new SampleSelection(this)) {}

Session::~Session() = default;

QStringList Session::classNames() const {
  QStringList names;
  if (data_)
    for (const auto& n : data_->classNames()) names << QString::fromStdString(n);
  return names;
}

void Session::setData(std::shared_ptr<const Dataset> clean,
                      std::shared_ptr<const PoisonedDataset> data, const QString& runDir) {
  clean_ = std::move(clean);
  data_ = std::move(data);
  runDir_ = runDir;
  train_.reset();
  detections_.clear();
  versions_.clear();
  current_ = -1;
  probabilities_.clear();
  shown_.clear();
  undo_->clear();
  selection_->clear();
  selection_->setCurrent(-1);
  emit dataChanged();
  emit runDirChanged(runDir_);
  emit trainResultChanged();
  emit detectionsChanged();
  emit versionsChanged();
  emit currentVersionChanged(current_);
  emit predictionsChanged();
}

void Session::setRunDir(const QString& dir) {
  if (dir == runDir_) return;
  runDir_ = dir;
  emit runDirChanged(dir);
}

void Session::setTrainResult(std::optional<TrainResult> result) {
  train_ = std::move(result);
  emit trainResultChanged();
}

const EvalReport* Session::modelEvaluation() const {
  if (const ModelVersion* v = current(); v && v->eval) return &*v->eval;
  if (train_) return &train_->final;
  return nullptr;
}

bool Session::attackTook() const {
  const EvalReport* e = modelEvaluation();
  return !e || (e->asr >= 0.5 && e->poisonFit >= 0.5);
}

std::shared_ptr<const DetectionReport> Session::detection(const QString& name) const {
  for (const auto& d : detections_)
    if (QString::fromStdString(d->name) == name) return d;
  return nullptr;
}

void Session::addDetection(std::shared_ptr<const DetectionReport> report) {
  if (!report) return;
  const QString name = QString::fromStdString(report->name);
  auto it = std::find_if(detections_.begin(), detections_.end(),
                         [&](const auto& d) { return QString::fromStdString(d->name) == name; });
  if (it != detections_.end())
    *it = std::move(report);
  else
    detections_.append(std::move(report));
  emit detectionsChanged();
}

QVector<Session::SampleScore> Session::scoresOf(int index) const {
  QVector<SampleScore> out;
  for (const auto& d : detections_) {
    SampleScore s{QString::fromStdString(d->name), std::nan(""), false};
    auto it = std::lower_bound(d->indices.begin(), d->indices.end(), std::int64_t(index));
    if (it != d->indices.end() && *it == index) {
      const auto k = static_cast<std::size_t>(it - d->indices.begin());
      s.score = d->scores[k];
      s.flagged = d->flagged[k] != 0;
    }
    out.append(s);
  }
  return out;
}

std::vector<double> Session::scoreColumn(const QString& name) const {
  std::vector<double> out(data_ ? data_->train.count() : 0, std::nan(""));
  if (auto d = detection(name))
    for (std::size_t k = 0; k < d->indices.size(); ++k)
      if (d->indices[k] >= 0 && static_cast<std::size_t>(d->indices[k]) < out.size())
        out[static_cast<std::size_t>(d->indices[k])] = d->scores[k];
  return out;
}

const ModelVersion* Session::current() const {
  return current_ >= 0 && current_ < versions_.size() ? &versions_[current_] : nullptr;
}

int Session::versionIndex(const QString& name) const {
  for (int i = 0; i < versions_.size(); ++i)
    if (versions_[i].name == name) return i;
  return -1;
}

void Session::setVersions(QVector<ModelVersion> versions) {
  versions_ = std::move(versions);
  undo_->clear();
  current_ = -1;  // the original becomes current anew (its predictions are asked for again)
  emit versionsChanged();
  setCurrentDirect(versions_.isEmpty() ? -1 : 0);
}

void Session::addVersion(const ModelVersion& version) {
  // A result of the same name (run again with the same settings) replaces the old entry.
  const int old = versionIndex(version.name);
  if (old >= 0) {
    versions_[old] = version;
    emit versionsChanged();
    makeCurrent(old);
    return;
  }
  undo_->push(new VersionCommand(this, version, current_));
}

void Session::setVersionEvaluation(const QString& name, const EvalReport& eval) {
  const int at = versionIndex(name);
  if (at < 0) return;
  versions_[at].eval = eval;
  emit versionsChanged();
}

void Session::appendVersion(const ModelVersion& version) {
  if (versionIndex(version.name) >= 0) return;
  versions_.append(version);
  emit versionsChanged();
}

void Session::makeCurrent(int index) {
  if (index < 0 || index >= versions_.size() || index == current_) return;
  undo_->push(new VersionCommand(this, current_, index));
}

void Session::insertVersion(int at, const ModelVersion& v) {
  versions_.insert(at, v);
  emit versionsChanged();
}

void Session::removeVersion(int at) {
  versions_.removeAt(at);
  emit versionsChanged();
}

void Session::setCurrentDirect(int index) {
  if (index == current_) return;
  current_ = index;
  probabilities_.clear();
  emit predictionsChanged();
  emit currentVersionChanged(index);
}

int Session::shownCount() const {
  if (shown_.empty()) return data_ ? static_cast<int>(data_->train.count()) : 0;
  return static_cast<int>(std::count(shown_.begin(), shown_.end(), std::uint8_t{1}));
}

void Session::setShown(std::vector<std::uint8_t> shown) {
  if (shown == shown_) return;
  shown_ = std::move(shown);
  emit shownChanged();
}

void Session::setPredictions(std::vector<float> probabilities) {
  probabilities_ = std::move(probabilities);
  emit predictionsChanged();
}

}  // namespace poisonlab::gui
