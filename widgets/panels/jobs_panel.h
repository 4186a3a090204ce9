#pragma once
// The jobs dock: every background task with its progress, text and a cancel button.

#include <QHash>
#include <QWidget>

class QVBoxLayout;
class QLabel;

namespace poisonlab::gui {

class Task;
class TaskManager;

class JobsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit JobsPanel(TaskManager* manager, QWidget* parent = nullptr);

 private:
  void addTask(Task* task);
  QVBoxLayout* rows_;
  QLabel* empty_;
  QHash<Task*, QWidget*> rowOf_;
};

}  // namespace poisonlab::gui
