#include "state/experiment_model.h"

#include "core/util/error.h"

namespace poisonlab::gui {

namespace {

template <typename Fn>
ExperimentModel::Problem check(Fn&& fn) {
  try {
    fn();
    return {};
  } catch (const Error& e) {
    return {QString::fromStdString(e.field()), QString::fromStdString(e.what())};
  } catch (const std::exception& e) {
    return {QString(), QString::fromStdString(e.what())};
  }
}

bool sameTrigger(const TriggerSpec& a, const TriggerSpec& b) {
  return a.type == b.type && a.row == b.row && a.col == b.col && a.color == b.color &&
         a.size == b.size && a.pattern == b.pattern && a.opacity == b.opacity &&
         a.patternSeed == b.patternSeed;
}

bool samePoison(const PoisonSpec& a, const PoisonSpec& b) {
  auto sameFrom = [](const PoisonSpec& x, const PoisonSpec& y) {
    return x.labelsFrom.has_value() == y.labelsFrom.has_value() &&
           (!x.labelsFrom || (x.labelsFrom->file == y.labelsFrom->file &&
                              x.labelsFrom->orderHow == y.labelsFrom->orderHow));
  };
  return a.source == b.source && a.target == b.target && a.count == b.count && a.rate == b.rate &&
         a.seed == b.seed && a.labels == b.labels && sameFrom(a, b);
}

}  // namespace

void ExperimentModel::setDataset(std::shared_ptr<const Dataset> data) {
  data_ = std::move(data);
  if (data_) training_.model.numClasses = data_->numClasses();
  emit changed();
}

void ExperimentModel::setTrigger(const TriggerSpec& t) {
  if (sameTrigger(t, trigger_)) return;
  trigger_ = t;
  emit changed();
}

void ExperimentModel::setPoison(const PoisonSpec& p) {
  if (samePoison(p, poison_)) return;
  poison_ = p;
  emit changed();
}

void ExperimentModel::setTraining(const TrainConfig& c) {
  // Compared by its JSON-visible fields would be exact; a copy is cheap and changed() idempotent.
  training_ = c;
  if (data_) training_.model.numClasses = data_->numClasses();
  emit changed();
}

ExperimentModel::Problem ExperimentModel::triggerProblem() const {
  return check([&] { trigger_.validate(); });
}

ExperimentModel::Problem ExperimentModel::poisonProblem() const {
  if (!data_) return {QStringLiteral("data"), tr("Load a data set to poison.")};
  return check([&] { poison_.validate(*data_); });
}

ExperimentModel::Problem ExperimentModel::trainingProblem() const {
  return check([&] {
    training_.validate();
    training_.model.validate();
  });
}

ExperimentModel::Problem ExperimentModel::problem() const {
  for (const Problem& p : {triggerProblem(), poisonProblem(), trainingProblem()})
    if (!p.isEmpty()) return p;
  return {};
}

}  // namespace poisonlab::gui
