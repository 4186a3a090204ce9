#pragma once
// The experiment's settings as a model: the trigger, the poison and the training recipe, and
// what is wrong with them as values (the field at fault, "trigger.row", "poison.count", ...,
// and the engine's message). The Experiment panel's inputs are views of it; anything else
// (the what-if dialog, a run being opened) sets it and the inputs follow.

#include <QObject>
#include <QString>

#include <memory>

#include "core/attack/poison.h"
#include "core/train/training.h"

namespace poisonlab::gui {

class ExperimentModel : public QObject {
  Q_OBJECT
 public:
  /// A settings problem: the field (core's Error::field()) and the message naming it.
  struct Problem {
    QString field;
    QString message;
    bool isEmpty() const { return message.isEmpty(); }
  };
  explicit ExperimentModel(QObject* parent = nullptr) : QObject(parent) {}

  const TriggerSpec& trigger() const { return trigger_; }
  const PoisonSpec& poison() const { return poison_; }
  const TrainConfig& training() const { return training_; }
  /// The data set the poison must fit (null: none loaded; the poison is then not checked).
  void setDataset(std::shared_ptr<const Dataset> data);
  const Dataset* dataset() const { return data_.get(); }

  /// Each setter emits changed() once when the value differs.
  void setTrigger(const TriggerSpec& t);
  void setPoison(const PoisonSpec& p);
  void setTraining(const TrainConfig& c);

  /// The engine's own validate() of each group, as a value.
  Problem triggerProblem() const;
  Problem poisonProblem() const;
  Problem trainingProblem() const;
  /// The first problem of the three; empty when everything is valid.
  Problem problem() const;

 signals:
  void changed();

 private:
  std::shared_ptr<const Dataset> data_;
  TriggerSpec trigger_;
  PoisonSpec poison_;
  TrainConfig training_;
};

}  // namespace poisonlab::gui
