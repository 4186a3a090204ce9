<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/plot/plot_export.cpp" line="45"/>
        <source>Export as PNG or PDF…</source>
        <translation>导出为 PNG 或 PDF…</translation>
    </message>
    <message>
        <location filename="../widgets/plot/plot_export.cpp" line="48"/>
        <location filename="../widgets/plot/plot_export.cpp" line="54"/>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../widgets/plot/plot_export.cpp" line="49"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../widgets/state/session.cpp" line="66"/>
        <source>Unlearn: %1</source>
        <translation>遗忘：%1</translation>
    </message>
    <message>
        <location filename="../widgets/state/session.cpp" line="72"/>
        <source>Make %1 current</source>
        <translation>将 %1 设为当前版本</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="15"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="28"/>
        <source>Backdoor poisoning workbench</source>
        <translation>后门投毒研究工作台</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="32"/>
        <source>CIFAR-10 folder or archive.</source>
        <translation>CIFAR-10 文件夹或压缩包。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="35"/>
        <source>Run folder to open.</source>
        <translation>要打开的运行文件夹。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="39"/>
        <source>View to show first: samples, spectral, clusters, influence, label-errors, detectors, unlearning, runs or flip.</source>
        <translation>首先显示的视图：samples、spectral、clusters、influence、label-errors、detectors、unlearning、runs 或 flip。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="45"/>
        <source>A what-if grid&apos;s results (grid-results.json or its folder) to add to the run comparison.</source>
        <translation>要加入运行比较的假设网格结果（grid-results.json 或其文件夹）。</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="51"/>
        <source>Language of the window: en, de or zh_CN (default: the preferences, else the system&apos;s).</source>
        <translation>窗口语言：en、de 或 zh_CN（默认：首选项，否则为系统语言）。</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui</name>
    <message>
        <location filename="../widgets/state/ui_format.h" line="15"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::ClusterView</name>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="38"/>
        <source>Lasso</source>
        <translation>套索</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="39"/>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="41"/>
        <source>Drag on the plot to select; Shift adds, Ctrl removes. The wheel zooms; the right button drags the view.</source>
        <translation>在图上拖动以选择；Shift 添加，Ctrl 移除。滚轮缩放；右键拖动视图。</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="58"/>
        <source>Activations on their first two principal axes</source>
        <translation>激活在前两个主轴上的投影</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="58"/>
        <source>PC 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="59"/>
        <source>PC 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="54"/>
        <source>Detector</source>
        <translation>检测器</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="55"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="56"/>
        <source>Colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="57"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="85"/>
        <source>cluster</source>
        <translation>聚类</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="86"/>
        <source>ground truth</source>
        <translation>真实标注</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="89"/>
        <source>score: %1</source>
        <translation>分数：%1</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="75"/>
        <source>cluster 0</source>
        <translation>聚类 0</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="75"/>
        <source>cluster 1</source>
        <translation>聚类 1</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="80"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="80"/>
        <source>poisoned (ground truth)</source>
        <translation>投毒（真实标注）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="99"/>
        <source>low score</source>
        <translation>低分</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="99"/>
        <source>high score</source>
        <translation>高分</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="120"/>
        <source>selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="172"/>
        <source>No clustering result: run Activation clustering in the Detectors panel.</source>
        <translation>没有聚类结果：请在检测器面板中运行激活聚类。</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="178"/>
        <source>%L1 points shown · %L2 selected here / %L3 selected in all</source>
        <translation>显示 %L1 个点 · 此处选中 %L2 个 / 全部选中 %L3 个</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="183"/>
        <source> · silhouette %1 · cluster sizes %L2 / %L3 · flagged %L4</source>
        <translation> · 轮廓系数 %1 · 聚类大小 %L2 / %L3 · 已标记 %L4</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="193"/>
        <source>Exclusionary reclassification: POISON. Retrained without the smaller cluster, %1 of it is classified as %2.</source>
        <translation>排除式重分类：投毒。去掉较小聚类重新训练后，其中 %1 被分类为 %2。</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="195"/>
        <source>Exclusionary reclassification: clean. Retrained without the smaller cluster, it mostly stays in its own class (%1 went to %2).</source>
        <translation>排除式重分类：干净。去掉较小聚类重新训练后，它大多仍属于自己的类别（%1 被分到 %2）。</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="198"/>
        <source>another class</source>
        <translation>另一类别</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="200"/>
        <source>
No exclusionary reclassification in this result (run with Reclassify).</source>
        <translation>
此结果中没有排除式重分类（请勾选“重分类”后运行）。</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::ComparisonView</name>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="16"/>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="16"/>
        <source>false-positive rate</source>
        <translation>假阳性率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="17"/>
        <source>true-positive rate</source>
        <translation>真阳性率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="18"/>
        <source>Precision-recall</source>
        <translation>精确率-召回率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="18"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="19"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="30"/>
        <source>Detector</source>
        <translation>检测器</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="30"/>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="30"/>
        <source>Poisons</source>
        <translation>投毒样本</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="30"/>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="31"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="31"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="31"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="31"/>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="32"/>
        <source>Avg. precision</source>
        <translation>平均精确率</translation>
    </message>
    <message>
        <location filename="../widgets/views/comparison_view.cpp" line="28"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../widgets/views/comparison_view.cpp" line="30"/>
        <source>How well each detector did, against the ground truth (never seen by a detector); over the samples the grid shows.</source>
        <translation>各检测器与真实标注（检测器从不可见）对比的表现；基于网格中显示的样本。</translation>
    </message>
    <message>
        <location filename="../widgets/views/comparison_view.cpp" line="57"/>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="72"/>
        <source>%1 (AUROC %2)</source>
        <translation>%1（AUROC %2）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="74"/>
        <source>%1 (AP %2)</source>
        <translation>%1（AP %2）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="89"/>
        <source>chance</source>
        <translation>随机</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::Describe</name>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="10"/>
        <source>pixel</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="13"/>
        <source>patch</source>
        <translation>色块</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="16"/>
        <source>blend</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="19"/>
        <source>sinusoid (FLIP 1xs): vertical stripes, amplitude 6</source>
        <translation>正弦（FLIP 1xs）：竖条纹，幅度 6</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="22"/>
        <source>three pixels (FLIP 3xp): one of rows 16, 27, 7 at cols 11, 5, 30 per image</source>
        <translation>三像素（FLIP 3xp）：每张图取第 16、27、7 行第 11、5、30 列之一</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="26"/>
        <source>corners (FLIP 4xl): 3x3 black and white in all four</source>
        <translation>四角（FLIP 4xl）：四个角各一个 3×3 黑白图案</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="32"/>
        <source>solid</source>
        <translation>纯色</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="35"/>
        <source>checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="38"/>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="45"/>
        <source> at row %1, col %2</source>
        <translation>，位于第 %1 行、第 %2 列</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="49"/>
        <source>, opacity %L1</source>
        <translation>，不透明度 %L1</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="55"/>
        <source>%1 (width %2, %3 stages x %4 blocks)</source>
        <translation>%1（宽度 %2，%3 个阶段 × 每阶段 %4 个残差块）</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::DetectorPanel</name>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="44"/>
        <source>Spectral signatures</source>
        <translation>谱签名</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="45"/>
        <source>Activation clustering</source>
        <translation>激活聚类</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="46"/>
        <source>Influence functions</source>
        <translation>影响函数</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="47"/>
        <source>Confident learning (label errors)</source>
        <translation>置信学习（标签错误）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="48"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="53"/>
        <source>Empty: the method&apos;s default layer (spectral: the last block&apos;s input; clustering: the pooled penultimate layer; influence: fc)</source>
        <translation>留空：方法的默认层（谱签名：最后一个残差块的输入；聚类：池化后的倒数第二层；影响函数：fc）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="58"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="62"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="71"/>
        <source>Run detector</source>
        <translation>运行检测器</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="73"/>
        <source>Run all four</source>
        <translation>运行全部四个</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="76"/>
        <source>Spectral signatures, activation clustering, classifier-layer influence and confident learning on the model&apos;s features, with their defaults, queued one after another</source>
        <translation>谱签名、激活聚类、分类层影响函数和基于模型特征的置信学习，使用默认设置依次排队运行</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Detector</source>
        <translation>检测器</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="111"/>
        <source>Precision, recall and AUROC use the ground truth: they say how well the detector did, and are never seen by it. Double-click to show.</source>
        <translation>精确率、召回率和 AUROC 使用真实标注：它们说明检测器表现如何，检测器本身从不可见。双击显示。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="121"/>
        <source>Results of this run</source>
        <translation>本次运行的结果</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="138"/>
        <source>The assumed upper bound of the poison fraction of a class: the 1.5 eps n highest scores of each class are removed (Tran et al.)</source>
        <translation>假定的每类投毒比例上限：每类中分数最高的 1.5·eps·n 个样本被移除（Tran 等）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="140"/>
        <source>eps</source>
        <translation>eps</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="142"/>
        <source>If above 0: flag the scores above this percentile instead</source>
        <translation>若大于 0：改为标记高于此百分位的分数</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="143"/>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="144"/>
        <source>Pooled penultimate vector</source>
        <translation>池化后的倒数第二层向量</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="145"/>
        <source>Centred (as in the paper)</source>
        <translation>中心化（与论文相同）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="159"/>
        <source>Reduction</source>
        <translation>降维</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="163"/>
        <source>Dimensions</source>
        <translation>维数</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="166"/>
        <source>Silhouette</source>
        <translation>轮廓系数</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="167"/>
        <source>Relative size</source>
        <translation>相对大小</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="168"/>
        <source>Smaller cluster</source>
        <translation>较小聚类</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="169"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="170"/>
        <source>Criterion</source>
        <translation>判据</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="172"/>
        <source>Size threshold</source>
        <translation>大小阈值</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="174"/>
        <source>Silhouette threshold</source>
        <translation>轮廓系数阈值</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="177"/>
        <location filename="../widgets/panels/detector_panel.cpp" line="203"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="178"/>
        <source>Classifier (seconds)</source>
        <translation>分类器（数秒）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="179"/>
        <source>Full retrain (minutes)</source>
        <translation>完整重训练（数分钟）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="181"/>
        <source>Exclusionary reclassification (Chen et al.): retrain without each class&apos;s smaller cluster and see where its samples go. Its verdict decides what is flagged.</source>
        <translation>排除式重分类（Chen 等）：去掉每个类别的较小聚类重新训练，看其样本被分到哪里。其结论决定标记哪些样本。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="183"/>
        <source>Reclassify</source>
        <translation>重分类</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="185"/>
        <source>Reclassify threshold</source>
        <translation>重分类阈值</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="195"/>
        <source>Classifier layer (exact)</source>
        <translation>分类层（精确）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="196"/>
        <source>Network (HVP)</source>
        <translation>网络（HVP）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="197"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="198"/>
        <source>Self-influence</source>
        <translation>自影响</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="201"/>
        <source>Gradient (renormalised)</source>
        <translation>梯度（重新归一化）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="202"/>
        <source>Relative (RelatIF)</source>
        <translation>相对（RelatIF）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="204"/>
        <source>Normalise</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="206"/>
        <source>Damping</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="209"/>
        <source>robust outliers</source>
        <translation>稳健离群值</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="210"/>
        <source>Flag top</source>
        <translation>标记前</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="214"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="215"/>
        <source>Candidates (network)</source>
        <translation>候选（网络）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="225"/>
        <source>Probe on the model&apos;s features (a minute)</source>
        <translation>基于模型特征的探针（约一分钟）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="227"/>
        <source>Cross-validated networks (K trainings)</source>
        <translation>交叉验证网络（K 次训练）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="230"/>
        <source>Where the out-of-sample probabilities come from: K-fold logistic regression on the trained model&apos;s pooled features, or K networks trained with the run&apos;s recipe, each without the fold it predicts</source>
        <translation>样本外概率的来源：在已训练模型的池化特征上做 K 折逻辑回归，或按本次运行的配方训练 K 个网络，每个都不含它所预测的那一折</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="233"/>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="238"/>
        <source>Folds (K)</source>
        <translation>折数（K）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="300"/>
        <source>&lt;b&gt;The attack did not take in this model&lt;/b&gt;: ASR %1, poisons fitted %2 (both below 50 %). The model has no backdoor for a detector to find, so a detector that scores the poisons low here says nothing about detecting a backdoor. Train longer or with a stronger trigger first.</source>
        <translation>&lt;b&gt;攻击在此模型中没有生效&lt;/b&gt;：ASR %1，已拟合投毒 %2（均低于 50 %）。该模型没有可供检测器发现的后门，因此在这里给投毒样本打低分的检测器并不能说明它能检测后门。请先训练更久或使用更强的触发器。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="311"/>
        <source>Train or open a run with a model first</source>
        <translation>请先训练或打开一个带模型的运行</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="333"/>
        <source>The model this ran on had no working backdoor (ASR %1)</source>
        <translation>运行此检测的模型没有有效的后门（ASR %1）</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::ExperimentModel</name>
    <message>
        <location filename="../widgets/state/experiment_model.cpp" line="69"/>
        <source>Load a data set to poison.</source>
        <translation>请加载要投毒的数据集。</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::ExperimentPanel</name>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="59"/>
        <source>Apply poison</source>
        <translation>应用投毒</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="61"/>
        <source>Poison the data set with these trigger and poison settings (new run)</source>
        <translation>用这些触发器和投毒设置对数据集投毒（新运行）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="62"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="64"/>
        <source>Train the model on the poisoned data in the background</source>
        <translation>在后台用投毒后的数据训练模型</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="59"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="60"/>
        <source>No data set loaded</source>
        <translation>未加载数据集</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="66"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="70"/>
        <source>Archive (.tar.gz)…</source>
        <translation>压缩包（.tar.gz）…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="71"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="75"/>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="77"/>
        <source>Download the official CIFAR-10 release (163 MB)</source>
        <translation>下载官方 CIFAR-10 发布版（163 MB）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="90"/>
        <source>Trigger</source>
        <translation>触发器</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="92"/>
        <source>Pixel</source>
        <translation>像素</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="92"/>
        <source>Patch</source>
        <translation>色块</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="92"/>
        <source>Blend</source>
        <translation>混合</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="92"/>
        <source>Sinusoid (FLIP 1xs)</source>
        <translation>正弦（FLIP 1xs）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="93"/>
        <source>Three pixels (FLIP 3xp)</source>
        <translation>三像素（FLIP 3xp）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="93"/>
        <source>Corners (FLIP 4xl)</source>
        <translation>四角（FLIP 4xl）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="95"/>
        <source>Solid</source>
        <translation>纯色</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="95"/>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="95"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="111"/>
        <source>The trigger on a source-class image, enlarged; its square outlined</source>
        <translation>源类别图像上的触发器，已放大；其方框已描边</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="115"/>
        <source>Top-left pixel of the trigger as (row, column), 0-based: the project log&apos;s pixel is row 11, column 16. Code that passes (11, 16) to PIL&apos;s putpixel (the FLIP reference code) means column 11, row 16: reproduce it with row 16, column 11. A model trained at one ignores the other.</source>
        <translation>触发器左上角像素的（行，列），从 0 开始：项目日志中的像素是第 11 行、第 16 列。向 PIL 的 putpixel 传入 (11, 16) 的代码（FLIP 参考代码）指的是第 11 列、第 16 行：要复现请用第 16 行、第 11 列。在一个位置训练的模型会忽略另一个位置。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="124"/>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="126"/>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="129"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="130"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="131"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="132"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="133"/>
        <source>Pattern</source>
        <translation>图案</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="134"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="148"/>
        <source>Poison</source>
        <translation>投毒</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="151"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="151"/>
        <source>Rate</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="158"/>
        <source>Share of the whole training set (the log&apos;s 1 % is 500 of 50,000)</source>
        <translation>占整个训练集的比例（日志中的 1 % 即 50,000 中的 500）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="166"/>
        <source>Stamp the trigger and relabel</source>
        <translation>加盖触发器并改标签</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="166"/>
        <source>Label-only (import labels)</source>
        <translation>仅标签（导入标签）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="168"/>
        <source>Label-only (FLIP): the training images stay clean, only labels change, as a label file says; the trigger is pasted on test images only</source>
        <translation>仅标签（FLIP）：训练图像保持干净，只按标签文件改变标签；触发器只贴在测试图像上</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="184"/>
        <source>FILE.npy (N x classes logits) or FILE.csv (index,label)</source>
        <translation>文件.npy（N × 类别数 logits）或 文件.csv（index,label）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="187"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="193"/>
        <source>true.npy beside the file, or the load order</source>
        <translation>文件旁的 true.npy，或加载顺序</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="195"/>
        <source>The class sequence of the file&apos;s rows (FLIP&apos;s true.npy): maps the official order onto image folders, which are numbered per class</source>
        <translation>文件各行的类别序列（FLIP 的 true.npy）：把官方顺序映射到按类别编号的图像文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="197"/>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="243"/>
        <source>Label file</source>
        <translation>标签文件</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="198"/>
        <source>Row order</source>
        <translation>行顺序</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="205"/>
        <source>Compute FLIP labels…</source>
        <translation>计算 FLIP 标签…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="208"/>
        <source>Compute label files with FLIP (trajectory matching against experts trained with this trigger, source and target) in the background: one label file and one label-only run per budget (150 to 1,500 flips), added to Runs</source>
        <translation>在后台用 FLIP 计算标签文件（与用此触发器、源类和目标类训练的专家做轨迹匹配）：每个预算（150 到 1,500 个翻转）一个标签文件和一个仅标签运行，加入“运行”</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="211"/>
        <source>Quick (about a quarter of an hour on 2 cores)</source>
        <translation>快速（2 核上约一刻钟）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="215"/>
        <source>A small pre-activation ResNet, 500 images a class, one expert of 10 epochs and 3 passes; unchecked: FLIP&apos;s full settings (ResNet-32, all images, 20 expert epochs, 15 passes: hours on a CPU, minutes on a GPU)</source>
        <translation>小型预激活 ResNet，每类 500 张图，一个训练 10 轮的专家，3 遍；不勾选：FLIP 的完整设置（ResNet-32、全部图像、专家 20 轮、15 遍：CPU 上数小时，GPU 上数分钟）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="226"/>
        <source>Attack</source>
        <translation>攻击</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="227"/>
        <source>Source class</source>
        <translation>源类别</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="228"/>
        <source>Target label</source>
        <translation>目标标签</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="177"/>
        <source>Amount</source>
        <translation>数额</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="178"/>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="321"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="237"/>
        <source>Reading the labels…</source>
        <translation>正在读取标签…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="244"/>
        <source>Label files (*.npy *.csv)</source>
        <translation>标签文件 (*.npy *.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="262"/>
        <source>Model and training</source>
        <translation>模型与训练</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="282"/>
        <source>Targets (1 - s) for the label and s / classes for every class; 0 = one-hot targets. 0.2 learns the one-pixel trigger on every seed tried</source>
        <translation>标签的目标为 (1 - s)，每个类别另加 s / 类别数；0 = one-hot 目标。取 0.2 时，所有试过的种子都学会了单像素触发器</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="285"/>
        <source> % of the epochs</source>
        <translation> % 的轮次</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="287"/>
        <source>The first epochs train on random %1 x %1 crops of the images (cheaper steps), the rest on whole images; 0 = whole images throughout</source>
        <translation>前几轮在图像的随机 %1 x %1 裁剪上训练（每步更省），其余轮次使用完整图像；0 = 始终使用完整图像</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="291"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="291"/>
        <source>Horizontal flip</source>
        <translation>水平翻转</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="291"/>
        <source>Crop and flip</source>
        <translation>裁剪并翻转</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="293"/>
        <source>Automatic (bf16 where the CPU has it)</source>
        <translation>自动（CPU 支持时使用 bf16）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="293"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="293"/>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="295"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="297"/>
        <source>CUDA GPU (%n device(s))</source>
        <translation>
            <numerusform>CUDA GPU（%n 个设备）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="302"/>
        <source>Where training runs</source>
        <translation>训练运行的位置</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="303"/>
        <source>This LibTorch sees no CUDA device: training runs on the CPU</source>
        <translation>此 LibTorch 未检测到 CUDA 设备：训练在 CPU 上运行</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="306"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="307"/>
        <source>Train on a seeded subset of this many images (every poison kept)</source>
        <translation>在按种子抽取的这么多图像子集上训练（保留所有投毒样本）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="310"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="311"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="312"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="313"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="314"/>
        <source>Peak learning rate</source>
        <translation>峰值学习率</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="315"/>
        <source>Label smoothing</source>
        <translation>标签平滑</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="316"/>
        <source>Small crops</source>
        <translation>小裁剪</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="317"/>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="318"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="319"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="320"/>
        <source>Training images</source>
        <translation>训练图像</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="100"/>
        <source>Trigger colour</source>
        <translation>触发器颜色</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="128"/>
        <source>%1
%L2 training, %L3 test images</source>
        <translation>%1
%L2 张训练图像，%L3 张测试图像</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="136"/>
        <source>No data set loaded: open the CIFAR-10 archive or a folder, or download it.</source>
        <translation>未加载数据集：请打开 CIFAR-10 压缩包或文件夹，或下载它。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="289"/>
        <source>%1 -&gt; %2: %L3</source>
        <translation>%1 -&gt; %2：%L3</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/panels/experiment_panel.cpp" line="293"/>
        <source>%n more pairs</source>
        <translation>
            <numerusform>另外 %n 对</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="294"/>
        <source>%L1 training labels differ from the data set&apos;s (no image is stamped): %2. Rows mapped by %3.</source>
        <translation>%L1 个训练标签与数据集不同（不改动任何图像）：%2。行映射方式：%3。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="368"/>
        <source>Choose a label file</source>
        <translation>请选择标签文件</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="377"/>
        <source>Label-only: %L1 labels changed; at test time the trigger goes on %2 images, success is %3.</source>
        <translation>仅标签：改变了 %L1 个标签；测试时触发器贴在 %2 图像上，成功即为 %3。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="384"/>
        <source>%L1 %2 images get the trigger and the label %3.</source>
        <translation>%L1 张%2图像被加上触发器并标为 %3。</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::FlipView</name>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="14"/>
        <source>No FLIP job yet: choose &quot;Label-only&quot; in the attack panel and &quot;Compute FLIP labels&quot;.</source>
        <translation>尚无 FLIP 任务：在攻击面板中选择“仅标签”并点击“计算 FLIP 标签”。</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="20"/>
        <source>Matching loss</source>
        <translation>匹配损失</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="20"/>
        <source>Label passes</source>
        <translation>标签遍数</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="22"/>
        <source>Parameter distance (normalised)</source>
        <translation>参数距离（归一化）</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="24"/>
        <source>Each batch</source>
        <translation>每个批次</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="27"/>
        <source>Mean of a pass</source>
        <translation>每遍均值</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/views/flip_view.cpp" line="50"/>
        <source>Training %n expert(s) on the clean images plus the triggered source images…</source>
        <translation>
            <numerusform>正在用干净图像和带触发器的源类图像训练 %n 个专家…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="57"/>
        <source>Expert %1 of %2: epoch %3 of %4, loss %5</source>
        <translation>专家 %1/%2：第 %3/%4 轮，损失 %5</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="66"/>
        <source>Expert %1 trained: clean accuracy %2, PTA %3 (a dirty-label expert should be near 100 %). Matching the labels…</source>
        <translation>专家 %1 已训练：干净准确率 %2，PTA %3（脏标签专家应接近 100%）。正在匹配标签…</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="83"/>
        <source>Pass %1 of %2: mean matching loss %3</source>
        <translation>第 %1/%2 遍：平均匹配损失 %3</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::InfluenceView</name>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="50"/>
        <source>All triggered source images</source>
        <translation>所有带触发器的源类别图像</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="51"/>
        <source>One clean test image</source>
        <translation>一张干净测试图像</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="52"/>
        <source>One triggered test image</source>
        <translation>一张带触发器的测试图像</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="57"/>
        <source>Classifier layer (exact)</source>
        <translation>分类层（精确）</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="58"/>
        <source>Network (HVP)</source>
        <translation>网络（HVP）</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="59"/>
        <source>Loss at the true label</source>
        <translation>真实标签处的损失</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="61"/>
        <source>Rank by harm to the correct answer instead of support for the model&apos;s prediction</source>
        <translation>按对正确答案的危害排序，而不是按对模型预测的支持</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="68"/>
        <source>Rank the training set</source>
        <translation>对训练集排序</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="78"/>
        <source>Poisons found against rank</source>
        <translation>按排名找到的投毒样本</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="79"/>
        <source>rank (most helpful first)</source>
        <translation>排名（最有帮助的在前）</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="80"/>
        <source>poisons found</source>
        <translation>找到的投毒样本</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="85"/>
        <source>Test point</source>
        <translation>测试点</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="87"/>
        <source>Index</source>
        <translation>索引</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="89"/>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="93"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="110"/>
        <source>&lt;b&gt;Most helpful&lt;/b&gt; to the prediction (highest scores; red frame: a poison, by the ground truth)</source>
        <translation>对预测&lt;b&gt;最有帮助&lt;/b&gt;（分数最高；红框：按真实标注为投毒样本）</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="113"/>
        <source>&lt;b&gt;Most harmful&lt;/b&gt; (lowest scores)</source>
        <translation>&lt;b&gt;最有害&lt;/b&gt;（分数最低）</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="177"/>
        <source>Every source-class test image with the trigger that the model sends to the target: the backdoor&apos;s own behaviour.</source>
        <translation>模型将其判为目标类的每张带触发器的源类别测试图像：后门本身的行为。</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="187"/>
        <source>%1 test image %2: %3</source>
        <translation>%1 测试图像 %2：%3</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="188"/>
        <source>Triggered</source>
        <translation>带触发器</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="188"/>
        <source>Clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="219"/>
        <source>No influence ranking yet: choose a test point and rank the training set.</source>
        <translation>尚无影响排序：请选择测试点并对训练集排序。</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="237"/>
        <source>Training sample %1, labelled %2, score %3%4</source>
        <translation>训练样本 %1，标签 %2，分数 %3%4</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="241"/>
        <source> (a poison)</source>
        <translation>（投毒样本）</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="263"/>
        <source>every poison first</source>
        <translation>所有投毒样本在前</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="272"/>
        <source>%1 · %L2 training samples ranked · of the %L3 highest, %L4 are poisons (recall at k %5) · AUROC %6</source>
        <translation>%1 · 已排序 %L2 个训练样本 · 前 %L3 个中有 %L4 个投毒样本（k 处召回率 %5）· AUROC %6</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::Jobs</name>
    <message>
        <location filename="../app/gui/jobs.cpp" line="55"/>
        <source>Load %1</source>
        <translation>加载 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="66"/>
        <source>%1; poisoning 1 % of the training set instead.</source>
        <translation>%1；改为对训练集的 1 % 投毒。</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="77"/>
        <source>Could not load the data set</source>
        <translation>无法加载数据集</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="80"/>
        <source>Loading was cancelled.</source>
        <translation>加载已取消。</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="93"/>
        <source>Open run %1</source>
        <translation>打开运行 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="111"/>
        <source>Some results could not be read: %1</source>
        <translation>部分结果无法读取：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="113"/>
        <source>Could not open the run folder %1</source>
        <translation>无法打开运行文件夹 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="122"/>
        <source>Download CIFAR-10</source>
        <translation>下载 CIFAR-10</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="127"/>
        <source>Downloading CIFAR-10 into %1…
Progress is shown in the Jobs panel.</source>
        <translation>正在将 CIFAR-10 下载到 %1…
进度显示在任务面板中。</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="133"/>
        <source>The download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="137"/>
        <source>The download was cancelled; the part already received is kept and the next download resumes it.</source>
        <translation>下载已取消；已接收的部分会保留，下次下载将从那里继续。</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="150"/>
        <source>Poison %1</source>
        <translation>投毒 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="156"/>
        <source>Could not poison the data set</source>
        <translation>无法对数据集投毒</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="169"/>
        <source>Read labels %1</source>
        <translation>读取标签 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="205"/>
        <source>Compute FLIP labels (%1, %2 -&gt; %3)</source>
        <translation>计算 FLIP 标签（%1，%2 -&gt; %3）</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="245"/>
        <source>FLIP failed</source>
        <translation>FLIP 失败</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="252"/>
        <source>%1 -&gt; %2: %3</source>
        <translation>%1 -&gt; %2：%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/jobs.cpp" line="256"/>
        <source>%n label(s) flipped (most: %1): %2</source>
        <translation>
            <numerusform>翻转了 %n 个标签（最多：%1）：%2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="261"/>
        <source>Written to %1:</source>
        <translation>已写入 %1：</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="263"/>
        <source>One label-only run per budget is in Runs (what if), ready to open and train.</source>
        <translation>每个预算一个仅标签运行已在“运行（假设分析）”中，可打开并训练。</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="303"/>
        <source>Train %1, %2 epochs</source>
        <translation>训练 %1，%2 轮</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="342"/>
        <source>Training finished in %1 (open it from File &gt; Recent runs)</source>
        <translation>训练在 %1 内完成（可从“文件 &gt; 最近的运行”打开）</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="343"/>
        <location filename="../app/gui/jobs.cpp" line="357"/>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="373"/>
        <source>Predict the training set (%1)</source>
        <translation>预测训练集（%1）</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="381"/>
        <source>Could not classify the training images</source>
        <translation>无法对训练图像分类</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="396"/>
        <source>Detect: %1</source>
        <translation>检测：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="403"/>
        <source>The detector failed</source>
        <translation>检测器失败</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="418"/>
        <source>Unlearn: %1</source>
        <translation>遗忘：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="431"/>
        <source>Unlearning failed</source>
        <translation>遗忘失败</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="445"/>
        <source>Corrective sweep</source>
        <translation>纠正性扫描</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="460"/>
        <source>The sweep failed</source>
        <translation>扫描失败</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="472"/>
        <source>Evaluate %1</source>
        <translation>评估 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="478"/>
        <source>Could not evaluate %1</source>
        <translation>无法评估 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="491"/>
        <source>Saliency of image %1</source>
        <translation>图像 %1 的显著性</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="499"/>
        <source>Could not compute the saliency</source>
        <translation>无法计算显著性</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="512"/>
        <source>Export report %1</source>
        <translation>导出报告 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="517"/>
        <source>Could not write the report</source>
        <translation>无法写入报告</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/jobs.cpp" line="519"/>
        <source>Report written to %1 (%n pages)</source>
        <translation>
            <numerusform>报告已写入 %1（%n 页）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="520"/>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="531"/>
        <source>Save run as %1</source>
        <translation>将运行另存为 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="553"/>
        <source>Could not save the run</source>
        <translation>无法保存运行</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::JobsPanel</name>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="24"/>
        <source>No jobs yet.</source>
        <translation>尚无任务。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="41"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="45"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="46"/>
        <source>Cancel %1</source>
        <translation>取消 %1</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="71"/>
        <source>done in %1 s</source>
        <translation>完成，用时 %1 秒</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="74"/>
        <source>cancelled after %1 s</source>
        <translation>%1 秒后取消</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="77"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::LabelErrorView</name>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="47"/>
        <source>Confident joint</source>
        <translation>置信联合矩阵</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="51"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="51"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="51"/>
        <source>Training label</source>
        <translation>训练标签</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="52"/>
        <source>Confidently</source>
        <translation>置信类别</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="52"/>
        <source>Self-confidence</source>
        <translation>自置信度</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="53"/>
        <source>Changed (ground truth)</source>
        <translation>已改动（真实情况）</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="62"/>
        <source>Suspected label errors, the least self-confident first. The last column uses the ground truth: it says how well the detector did and is never seen by it.</source>
        <translation>疑似标签错误，自置信度最低者在前。最后一列使用真实情况：它说明检测器做得如何，检测器从未见过。</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="74"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="118"/>
        <source>No confident-learning result: run the label-error detector (Detectors, &quot;Confident learning&quot;).</source>
        <translation>没有置信学习结果：请运行标签错误检测器（检测器，“置信学习”）。</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="136"/>
        <source>Confident joint: training label (rows) against the class the probabilities confidently name</source>
        <translation>置信联合矩阵：训练标签（行）对概率置信指向的类别</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="168"/>
        <source>yes: %1 -&gt; %2</source>
        <translation>是：%1 -&gt; %2</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="168"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="170"/>
        <source>%L1 suspected label errors of %L2 training images (%L3 estimated); %L4 of them were changed by the attack (precision %5, recall %6, AUROC %7; ground truth, never seen by the detector)</source>
        <translation>在 %L2 张训练图像中疑似 %L1 个标签错误（估计 %L3 个）；其中 %L4 个被攻击改动（精确率 %5，召回率 %6，AUROC %7；真实情况，检测器从未见过）</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="60"/>
        <location filename="../app/gui/main_window.cpp" line="493"/>
        <source>PoisonLab</source>
        <translation>PoisonLab</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="75"/>
        <location filename="../app/gui/main_window.cpp" line="526"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="79"/>
        <location filename="../app/gui/main_window.cpp" line="531"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="93"/>
        <source>Looking for data…</source>
        <translation>正在查找数据…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="107"/>
        <source>Download CIFAR-10 (163 MB)</source>
        <translation>下载 CIFAR-10（163 MB）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="109"/>
        <source>Open archive…</source>
        <translation>打开压缩包…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="111"/>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="142"/>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="143"/>
        <source>Spectral</source>
        <translation>谱签名</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="144"/>
        <source>Clusters</source>
        <translation>聚类</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="145"/>
        <source>Influence</source>
        <translation>影响</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="146"/>
        <source>Label errors</source>
        <translation>标签错误</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="147"/>
        <source>Detectors compared</source>
        <translation>检测器比较</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="148"/>
        <source>Unlearning</source>
        <translation>遗忘</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="149"/>
        <source>Runs (what if)</source>
        <translation>运行（假设分析）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="52"/>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="55"/>
        <source>Detectors</source>
        <translation>检测器</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="60"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="62"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="64"/>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="151"/>
        <source>FLIP</source>
        <translation>FLIP</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="240"/>
        <source>Training finished; the GUI thread&apos;s longest stall was %1 ms</source>
        <translation>训练完成；GUI 线程最长停顿 %1 毫秒</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="246"/>
        <source>Training cancelled; the last finished epoch is kept in %1</source>
        <translation>训练已取消；最后完成的一轮保存在 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="260"/>
        <source>Train or open a run with a model first</source>
        <translation>请先训练或打开一个带模型的运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="295"/>
        <source>The selection is empty: select samples to forget first (a lasso in Clusters, a bin in Spectral, the grid)</source>
        <translation>选择为空：请先选择要遗忘的样本（聚类中的套索、谱签名中的柱、网格）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="313"/>
        <source>Open a grid&apos;s results table</source>
        <translation>打开网格结果表</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="314"/>
        <source>Grid results (grid-results.json);;JSON (*.json)</source>
        <translation>网格结果 (grid-results.json);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="318"/>
        <source>Add a run to the comparison</source>
        <translation>将运行加入比较</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="339"/>
        <location filename="../app/gui/main_window_flip.cpp" line="18"/>
        <source>Open a data set first</source>
        <translation>请先打开数据集</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="355"/>
        <source>Read run %1</source>
        <translation>读取运行 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="361"/>
        <source>Could not read the run</source>
        <translation>无法读取运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="371"/>
        <source>Read grid %1</source>
        <translation>读取网格 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="384"/>
        <source>Could not read the grid table</source>
        <translation>无法读取网格表</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="400"/>
        <source>What if: %1</source>
        <translation>假设：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="403"/>
        <source>A training job is running: start the what-if run when it is done</source>
        <translation>有训练任务正在运行：请在其完成后再开始假设运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="420"/>
        <source>No CIFAR-10 data found.

Download the official release (163 MB) into %1,
or open a folder or archive you already have.</source>
        <translation>未找到 CIFAR-10 数据。

将官方发布版（163 MB）下载到 %1，
或打开已有的文件夹或压缩包。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="432"/>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="509"/>
        <source>%1 · %2 · %L3 train / %L4 test</source>
        <translation>%1 · %2 · 训练 %L3 / 测试 %L4</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="516"/>
        <source>%1 poisons: %2 → %3 · %4 · %5%6</source>
        <translation>%1 个投毒样本：%2 → %3 · %4 · %5%6</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="521"/>
        <source>unsaved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="523"/>
        <source> · model: %1</source>
        <translation> · 模型：%1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="534"/>
        <source>%1: %2 %3%</source>
        <translation>%1：%2 %3%</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="541"/>
        <source>Jobs are running</source>
        <translation>有任务正在运行</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="542"/>
        <source>%n job(s) still running. Cancel them and quit?</source>
        <translation>
            <numerusform>仍有 %n 个任务在运行。取消并退出？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="41"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="42"/>
        <source>&amp;New run</source>
        <translation>新建运行(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="45"/>
        <source>Start a new run on the loaded data with the default attack</source>
        <translation>在已加载的数据上使用默认攻击开始新的运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="47"/>
        <source>Open &amp;data…</source>
        <translation>打开数据(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="51"/>
        <source>Open data &amp;folder…</source>
        <translation>打开数据文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="53"/>
        <source>Open &amp;run folder…</source>
        <translation>打开运行文件夹(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="55"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="57"/>
        <source>Recent &amp;runs</source>
        <translation>最近的运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="61"/>
        <source>&amp;Save run as…</source>
        <translation>运行另存为(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="64"/>
        <source>Export &amp;report…</source>
        <translation>导出报告(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="66"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="69"/>
        <source>The run as one document for readers without the program: attack, training, detectors, unlearning (PDF or HTML)</source>
        <translation>将运行导出为一份文档，供没有本程序的读者阅读：攻击、训练、检测器、遗忘（PDF 或 HTML）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="72"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="73"/>
        <source>Shown samples as &amp;CSV…</source>
        <translation>显示的样本导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="75"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="78"/>
        <source>&amp;Selection as a forget set (CSV of indices)…</source>
        <translation>选择导出为遗忘集（索引 CSV）(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="81"/>
        <source>Training &amp;plots (PNG and PDF)…</source>
        <translation>训练图表（PNG 和 PDF）(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="85"/>
        <source>Do&amp;wnload CIFAR-10</source>
        <translation>下载 CIFAR-10(&amp;W)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="88"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="91"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="92"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="95"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="96"/>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="102"/>
        <source>Select &amp;none</source>
        <translation>取消选择(&amp;N)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="105"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="113"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="115"/>
        <source>Apply &amp;poison</source>
        <translation>应用投毒(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="116"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="119"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="120"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="122"/>
        <source>Run all four &amp;detectors</source>
        <translation>运行全部四个检测器(&amp;D)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="126"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="128"/>
        <source>&amp;What if…</source>
        <translation>假设分析(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="130"/>
        <source>&amp;Cancel all jobs</source>
        <translation>取消所有任务(&amp;C)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="133"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="139"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="148"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="149"/>
        <source>&amp;About PoisonLab</source>
        <translation>关于 PoisonLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="151"/>
        <source>About PoisonLab</source>
        <translation>关于 PoisonLab</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="152"/>
        <source>&lt;b&gt;PoisonLab&lt;/b&gt;&lt;br&gt;A workbench for backdoor (label-poisoning) research on CIFAR-10.&lt;br&gt;Trigger positions are given as (row, column).</source>
        <translation>&lt;b&gt;PoisonLab&lt;/b&gt;&lt;br&gt;面向 CIFAR-10 后门（标签投毒）研究的工作台。&lt;br&gt;触发器位置以（行，列）给出。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="161"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="194"/>
        <source>No recent runs</source>
        <translation>没有最近的运行</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="199"/>
        <source>Open a CIFAR-10 archive</source>
        <translation>打开 CIFAR-10 压缩包</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="200"/>
        <source>Archives (*.tar.gz *.tgz *.tar);;All files (*)</source>
        <translation>压缩包 (*.tar.gz *.tgz *.tar);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="205"/>
        <source>Open a CIFAR-10 folder</source>
        <translation>打开 CIFAR-10 文件夹</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="212"/>
        <source>Save run in (a new or empty folder)</source>
        <translation>将运行保存到（新的或空的文件夹）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="222"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="223"/>
        <source>PDF document (*.pdf);;Web page with pictures inside (*.html)</source>
        <translation>PDF 文档 (*.pdf);;内嵌图片的网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="230"/>
        <source>Export the shown samples</source>
        <translation>导出显示的样本</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="230"/>
        <location filename="../app/gui/main_window_actions.cpp" line="248"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="235"/>
        <source>Wrote %L1 samples to %2</source>
        <translation>已将 %L1 个样本写入 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="237"/>
        <location filename="../app/gui/main_window_actions.cpp" line="255"/>
        <location filename="../app/gui/main_window_actions.cpp" line="269"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="243"/>
        <source>Nothing is selected</source>
        <translation>未选择任何内容</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="247"/>
        <source>Export the selection (the CLI&apos;s --forget FILE.csv)</source>
        <translation>导出选择（命令行的 --forget FILE.csv）</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="253"/>
        <source>Wrote %L1 indices to %2</source>
        <translation>已将 %L1 个索引写入 %2</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="260"/>
        <source>Export the training plots to</source>
        <translation>将训练图表导出到</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="267"/>
        <source>Wrote the training plots to %1</source>
        <translation>已将训练图表写入 %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="274"/>
        <source>Open run folder</source>
        <translation>打开运行文件夹</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_flip.cpp" line="24"/>
        <source>FLIP&apos;s label files and runs are written</source>
        <translation>FLIP 的标签文件和运行已写入</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_flip.cpp" line="55"/>
        <source>Cancelled: no label file was written.</source>
        <translation>已取消：未写入任何标签文件。</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_flip.cpp" line="56"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::PreferencesDialog</name>
    <message>
        <location filename="../app/gui/preferences_dialog.cpp" line="16"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../app/gui/preferences_dialog.cpp" line="23"/>
        <source>As the system (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <location filename="../app/gui/preferences_dialog.cpp" line="31"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../app/gui/preferences_dialog.cpp" line="58"/>
        <source>The language changes the next time PoisonLab starts.</source>
        <translation>语言将在下次启动 PoisonLab 时更改。</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::RunReport</name>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="120"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="122"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="123"/>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="124"/>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="148"/>
        <source>PoisonLab report: %1</source>
        <translation>PoisonLab 报告：%1</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="149"/>
        <source>unsaved run</source>
        <translation>未保存的运行</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="68"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="71"/>
        <source>Run folder</source>
        <translation>运行文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="74"/>
        <source>Created</source>
        <translation>创建于</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="74"/>
        <location filename="../widgets/report/report_sections.cpp" line="81"/>
        <source>%1 by PoisonLab %2</source>
        <translation>%1，PoisonLab %2</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="80"/>
        <source>Report written</source>
        <translation>报告写于</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="84"/>
        <location filename="../widgets/report/report_sections.cpp" line="189"/>
        <source>Attack</source>
        <translation>攻击</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="95"/>
        <source>clean accuracy</source>
        <translation>干净准确率</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="96"/>
        <source>attack success rate (ASR), stamped trigger</source>
        <translation>攻击成功率（ASR），原位触发器</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="97"/>
        <source>ASR, mirrored trigger</source>
        <translation>ASR，镜像触发器</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="98"/>
        <source>poisons fitted</source>
        <translation>已拟合投毒</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="101"/>
        <source>The run has no trained model yet.</source>
        <translation>该运行尚无训练好的模型。</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="104"/>
        <source>Detectors</source>
        <translation>检测器</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="108"/>
        <source>Detector</source>
        <translation>检测器</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="82"/>
        <location filename="../widgets/report/report_sections.cpp" line="108"/>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="83"/>
        <location filename="../widgets/report/report_sections.cpp" line="109"/>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="83"/>
        <location filename="../widgets/report/report_sections.cpp" line="109"/>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="84"/>
        <location filename="../widgets/report/report_sections.cpp" line="110"/>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="110"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="214"/>
        <location filename="../widgets/report/report_sections.cpp" line="123"/>
        <source>Unlearning</source>
        <translation>遗忘</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="127"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="127"/>
        <source>Clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="128"/>
        <source>ASR</source>
        <translation>ASR</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="128"/>
        <source>ASR mirrored</source>
        <translation>镜像 ASR</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="139"/>
        <source>Every figure that names poisons (precision, recall, AUROC, the red marks) is measured against the ground truth afterwards; no detector and no forget-set choice saw it.</source>
        <translation>凡涉及投毒样本的数字（精确率、召回率、AUROC、红色标记）都是事后对照真实标注测得的；任何检测器和遗忘集的选择都未曾见过它。</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="147"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_sections.cpp" line="151"/>
        <source>label-only: %Ln training labels changed, no image stamped; test-time trigger %1 on %2 images, success %3</source>
        <translation>
            <numerusform>仅标签：改变了 %Ln 个训练标签，未改动图像；测试触发器 %1 贴在 %2 图像上，成功为 %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_sections.cpp" line="156"/>
        <source>%1; %Ln %2 images relabelled %3</source>
        <translation>
            <numerusform>%1；%Ln 张%2图像被改标为%3</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="203"/>
        <source>a source-class training image</source>
        <translation>一张源类别训练图像</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="205"/>
        <source>with the trigger (outlined)</source>
        <translation>带触发器（已框出）</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="207"/>
        <source>the trigger, close up</source>
        <translation>触发器特写</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="209"/>
        <source>its mirror image (what flips train on)</source>
        <translation>其镜像（翻转增强训练时所见）</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="216"/>
        <source>Trigger</source>
        <translation>触发器</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="221"/>
        <source>%1 → %2: %L3</source>
        <translation>%1 → %2：%L3</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="225"/>
        <location filename="../widgets/report/report_sections.cpp" line="240"/>
        <source>Poisoned</source>
        <translation>投毒</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="226"/>
        <source>%L1 training labels changed (%2 of the training set), no image stamped (label-only)</source>
        <translation>改变了 %L1 个训练标签（占训练集 %2），未改动图像（仅标签）</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="230"/>
        <source>Labels changed</source>
        <translation>改动的标签</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="233"/>
        <source>Labels from</source>
        <translation>标签来源</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="234"/>
        <source>%1 (MD5 %2), rows mapped by %3</source>
        <translation>%1（MD5 %2），行映射方式：%3</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="241"/>
        <source>%L1 training images of class %2 (%3 of the training set), trigger stamped and relabelled %4</source>
        <translation>%L1 张%2类训练图像（占训练集的 %3），打上触发器并改标为%4</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="247"/>
        <source>Poison seed</source>
        <translation>投毒种子</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="250"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="251"/>
        <source>%1: %L2 training and %L3 test images, %4 classes</source>
        <translation>%1：%L2 张训练图像和 %L3 张测试图像，%4 个类别</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="257"/>
        <source>ASR (FLIP&apos;s PTA) is measured on</source>
        <translation>ASR（FLIP 的 PTA）的测量对象</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="258"/>
        <source>the %L1 test images of class %2 with the trigger (stamped, and mirrored), as the share predicted %3; clean accuracy (FLIP&apos;s CTA) on every clean test image</source>
        <translation>带触发器（加盖及镜像）的 %L1 张 %2 类测试图像中被预测为 %3 的比例；干净准确率（FLIP 的 CTA）在全部干净测试图像上测量</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_sections.cpp" line="284"/>
        <source>Training images whose label was changed (the first %n; the image is clean, the label shown is the one trained on)</source>
        <translation>
            <numerusform>标签被改动的训练图像（前 %n 张；图像是干净的，显示的是训练所用的标签）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_sections.cpp" line="288"/>
        <source>Poisoned training images (the first %n)</source>
        <translation>
            <numerusform>投毒训练图像（前 %n 张）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="295"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="299"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="301"/>
        <source>Recipe</source>
        <translation>训练方案</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="302"/>
        <source>%1 epochs, batch %2, SGD (momentum %3%4), peak learning rate %5, %6 schedule, weight decay %7%8, augmentation %9</source>
        <translation>%1 轮，批大小 %2，SGD（动量 %3%4），峰值学习率 %5，%6 调度，权重衰减 %7%8，数据增强 %9</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="308"/>
        <source>, Nesterov</source>
        <translation>，Nesterov</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="312"/>
        <source> (norms and biases too)</source>
        <translation>（含归一化层与偏置）</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="314"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="318"/>
        <source>Ran on</source>
        <translation>运行于</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="318"/>
        <source>%1, %2 precision, %3 threads</source>
        <translation>%1，%2 精度，%3 个线程</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="322"/>
        <source>Training time</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="323"/>
        <source>Clean accuracy</source>
        <translation>干净准确率</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="325"/>
        <source>ASR (stamped / mirrored)</source>
        <translation>ASR（原位 / 镜像）</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="338"/>
        <source>Clean test set (rows: true class)</source>
        <translation>干净测试集（行：真实类别）</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="339"/>
        <source>Every test image with the trigger</source>
        <translation>每张带触发器的测试图像</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="56"/>
        <source>Detector: %1</source>
        <translation>检测器：%1</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="60"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="61"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="62"/>
        <source>Time</source>
        <translation>用时</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="63"/>
        <source>%1 (activations %2)</source>
        <translation>%1（激活 %2）</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="68"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="75"/>
        <source>The model&apos;s attack did not take (ASR or poisons fitted below 50 %): there is no backdoor to find.</source>
        <translation>该模型上的攻击未生效（ASR 或已拟合投毒低于 50 %）：没有可发现的后门。</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="81"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="81"/>
        <source>Samples</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="82"/>
        <source>Poisons</source>
        <translation>投毒样本</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="84"/>
        <source>Avg. precision</source>
        <translation>平均精确率</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="85"/>
        <source>Recall@k</source>
        <translation>Recall@k</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="86"/>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="89"/>
        <source>class %1 (the poisons&apos; label)</source>
        <translation>类别 %1（投毒样本的标签）</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="101"/>
        <source>Scores within class %1, threshold dashed</source>
        <translation>类别 %1 内的分数，虚线为阈值</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="124"/>
        <source>The cluster plot is Activation Clustering&apos;s projection, coloured by this detector&apos;s score (dark red: high).</source>
        <translation>聚类图为激活聚类的投影，按本检测器的分数着色（深红：高）。</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="134"/>
        <source>Class %1 on its first two principal axes</source>
        <translation>类别 %1 在前两个主轴上的分布</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="138"/>
        <source>No cluster plot: the run has no Activation Clustering result.</source>
        <translation>无聚类图：该运行没有激活聚类结果。</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="184"/>
        <source>poison</source>
        <translation>投毒</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_results.cpp" line="188"/>
        <source>The %n most suspicious samples</source>
        <translation>
            <numerusform>最可疑的 %n 个样本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="191"/>
        <source>Highest score first (equal scores in a fixed random order), as the detector saw them (trigger and poisoned label included); a red frame marks a poison (%1 of %2), grey a clean sample.</source>
        <translation>按分数从高到低（同分者按固定的随机顺序），即检测器所见的样子（含触发器和投毒标签）；红框为投毒样本（%2 个中的 %1 个），灰框为干净样本。</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="201"/>
        <source>Detectors compared</source>
        <translation>检测器比较</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="216"/>
        <source>Each result starts from the original model; the forget set&apos;s size and how many poisons it holds are in the third column.</source>
        <translation>每个结果都从原始模型出发；第三列为遗忘集的大小及其中的投毒样本数。</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="231"/>
        <source>No sweep plot: no result forgot a share of the ground-truth poisons (Unlearning &gt; Sweep, or poisonlab-cli unlearn-sweep).</source>
        <translation>无扫描图：没有结果遗忘了一部分真实投毒样本（遗忘 &gt; 扫描，或 poisonlab-cli unlearn-sweep）。</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="283"/>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::RunsView</name>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="58"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="58"/>
        <source>Trigger</source>
        <translation>触发器</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="58"/>
        <source>Poisons</source>
        <translation>投毒样本</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="58"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="59"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="59"/>
        <source>Clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="59"/>
        <source>ASR</source>
        <translation>ASR</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="59"/>
        <source>ASR mirrored</source>
        <translation>镜像 ASR</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="60"/>
        <source>Detectors (AUROC)</source>
        <translation>检测器（AUROC）</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="66"/>
        <source>Double-click a run to open it</source>
        <translation>双击运行以打开</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="71"/>
        <source>Clean accuracy (solid) and ASR (dashed) per epoch</source>
        <translation>每轮的干净准确率（实线）和 ASR（虚线）</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="71"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="74"/>
        <source>What if…</source>
        <translation>假设分析…</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="76"/>
        <source>Duplicate the open run with one setting changed and train it</source>
        <translation>复制当前运行并更改一项设置后训练</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="77"/>
        <source>Add run folder…</source>
        <translation>添加运行文件夹…</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="79"/>
        <source>Open grid table…</source>
        <translation>打开网格表…</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="82"/>
        <source>Add every finished run of a what-if grid (grid-results.json from poisonlab-cli grid, run here or on a Slurm cluster)</source>
        <translation>添加假设网格中每个已完成的运行（来自 poisonlab-cli grid 的 grid-results.json，在本机或 Slurm 集群上运行）</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="85"/>
        <source>Remove from comparison</source>
        <translation>从比较中移除</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="146"/>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="149"/>
        <source>untrained</source>
        <translation>未训练</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::SampleBrowser</name>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="55"/>
        <source>All samples</source>
        <translation>所有样本</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="56"/>
        <source>Poisoned only</source>
        <translation>仅投毒样本</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="57"/>
        <source>Clean only</source>
        <translation>仅干净样本</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="58"/>
        <source>Label changed</source>
        <translation>标签已改动</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="61"/>
        <source>Filter by the model&apos;s prediction (train a model first)</source>
        <translation>按模型的预测筛选（请先训练模型）</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="64"/>
        <source>Sort: index</source>
        <translation>排序：索引</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="65"/>
        <source>Sort: label</source>
        <translation>排序：标签</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="66"/>
        <source>Sort: predicted class</source>
        <translation>排序：预测类别</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="67"/>
        <source>Sort: confidence</source>
        <translation>排序：置信度</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="68"/>
        <source>Sort: detector score</source>
        <translation>排序：检测器分数</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="71"/>
        <source>Training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="72"/>
        <source>Clean test set</source>
        <translation>干净测试集</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="73"/>
        <source>Triggered test set</source>
        <translation>带触发器测试集</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="75"/>
        <source>Browse the test sets too: a test image chosen here is the Influence view&apos;s test point</source>
        <translation>也浏览测试集：在此选择的测试图像即影响视图的测试点</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="79"/>
        <source>Show a detector&apos;s score and flags (orange corner: flagged)</source>
        <translation>显示检测器的分数和标记（橙色角：已标记）</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="82"/>
        <source>Flagged or not</source>
        <translation>已标记或未标记</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="83"/>
        <source>Flagged only</source>
        <translation>仅已标记</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="84"/>
        <source>Not flagged</source>
        <translation>未标记</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="87"/>
        <source>Go to index…</source>
        <translation>转到索引…</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="90"/>
        <source>Trigger location</source>
        <translation>触发器位置</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="92"/>
        <source>Outline the trigger&apos;s position on every thumbnail</source>
        <translation>在每个缩略图上描出触发器的位置</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="108"/>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="189"/>
        <source>Select all shown</source>
        <translation>选择所有显示的</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="217"/>
        <source>All classes</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="252"/>
        <source>Any prediction</source>
        <translation>任意预测</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="255"/>
        <source>Misclassified</source>
        <translation>分类错误</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="258"/>
        <source>Predicted %1 %2</source>
        <translation>预测为 %1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="313"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="315"/>
        <source>%L1 selected / %L2 shown of %L3</source>
        <translation>已选 %L1 / 显示 %L2，共 %L3</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="316"/>
        <source>%L1 of %L2 samples</source>
        <translation>%L1 / %L2 个样本</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="349"/>
        <source>No detector</source>
        <translation>无检测器</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="352"/>
        <source>Detector: %1</source>
        <translation>检测器：%1</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::SampleInspector</name>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="31"/>
        <source>Saliency: off</source>
        <translation>显著性：关</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="32"/>
        <source>Saliency: gradient</source>
        <translation>显著性：梯度</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="33"/>
        <source>Saliency: Grad-CAM</source>
        <translation>显著性：Grad-CAM</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="35"/>
        <source>Where the current model version looks: |d logit / d pixel| or Grad-CAM on the last stage, for the predicted class</source>
        <translation>当前模型版本关注的位置：|d logit / d 像素| 或最后一阶段的 Grad-CAM，针对预测类别</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="54"/>
        <location filename="../widgets/views/sample_inspector.cpp" line="120"/>
        <source>No sample selected</source>
        <translation>未选择样本</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="65"/>
        <source>Show trigger location</source>
        <translation>显示触发器位置</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="79"/>
        <source>Class probabilities
green: true class, red: training label</source>
        <translation>类别概率
绿色：真实类别，红色：训练标签</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="89"/>
        <source>As the model sees it</source>
        <translation>模型看到的样子</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="90"/>
        <source>Clean original</source>
        <translation>干净原图</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="141"/>
        <source>Training sample #%1</source>
        <translation>训练样本 #%1</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="143"/>
        <source>Clean test image #%1</source>
        <translation>干净测试图像 #%1</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="144"/>
        <source>Triggered test image #%1</source>
        <translation>带触发器测试图像 #%1</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="145"/>
        <source>Label: %1 (%2)</source>
        <translation>标签：%1（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="148"/>
        <source>Original label: %1 (%2)</source>
        <translation>原始标签：%1（%2）</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="153"/>
        <source>Ground truth: POISONED (label changed, image clean: label-only)</source>
        <translation>真实情况：已投毒（标签改动，图像干净：仅标签）</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="154"/>
        <source>Ground truth: POISONED (trigger stamped, label flipped)</source>
        <translation>真实标注：投毒（已加触发器，标签已翻转）</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="152"/>
        <source>Ground truth: clean</source>
        <translation>真实标注：干净</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="157"/>
        <source>Pixel at row %1, column %2: (%3, %4, %5)</source>
        <translation>第 %1 行、第 %2 列的像素：(%3, %4, %5)</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="175"/>
        <source>computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="182"/>
        <source>Predicted: %1 (%2 %)</source>
        <translation>预测：%1（%2 %）</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="196"/>
        <source>%1: &lt;b&gt;%2&lt;/b&gt;%3</source>
        <translation>%1：&lt;b&gt;%2&lt;/b&gt;%3</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="199"/>
        <source> · &lt;span style=&apos;color:#d55e00&apos;&gt;flagged&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#d55e00&apos;&gt;已标记&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="201"/>
        <source>%1: not scored</source>
        <translation>%1：未评分</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="202"/>
        <source>Detector scores&lt;br&gt;</source>
        <translation>检测器分数&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="229"/>
        <source>%1 for class %2: peak at row %3, column %4</source>
        <translation>类别 %2 的%1：峰值位于第 %3 行、第 %4 列</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="238"/>
        <source> (on the trigger)</source>
        <translation>（在触发器上）</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::SampleModel</name>
    <message>
        <location filename="../widgets/state/sample_model.cpp" line="106"/>
        <source>#%1  %2</source>
        <translation>#%1  %2</translation>
    </message>
    <message>
        <location filename="../widgets/state/sample_model.cpp" line="108"/>
        <source>
poisoned: was %1</source>
        <translation>
投毒：原为 %1</translation>
    </message>
    <message>
        <location filename="../widgets/state/sample_model.cpp" line="110"/>
        <source>
predicted: %1 (%2 %)</source>
        <translation>
预测：%1（%2 %）</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::SpectralView</name>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="41"/>
        <source>Select flagged</source>
        <translation>选择已标记</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="43"/>
        <source>Select the class&apos;s samples at or above the threshold</source>
        <translation>选择该类别中分数不低于阈值的样本</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="37"/>
        <source>Outlier scores (drag the dashed line to move the threshold)</source>
        <translation>离群分数（拖动虚线以移动阈值）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="38"/>
        <source>outlier score</source>
        <translation>离群分数</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="41"/>
        <source>samples (log scale)</source>
        <translation>样本数（对数刻度）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="49"/>
        <source>clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="53"/>
        <source>poisoned (ground truth)</source>
        <translation>投毒（真实标注）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="59"/>
        <source>selected</source>
        <translation>已选</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="61"/>
        <source>σ1 / σ2 per class (click a bar)</source>
        <translation>各类别的 σ1 / σ2（点击柱）</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="62"/>
        <location filename="../widgets/views/spectral_view.cpp" line="152"/>
        <source>σ1 / σ2</source>
        <translation>σ1 / σ2</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="67"/>
        <source>Detector</source>
        <translation>检测器</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="69"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="152"/>
        <source>flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="181"/>
        <source>Numbers above the bars: flagged samples. Red: the class the detector names as attacked (%1), by its scores&apos; concentration.</source>
        <translation>柱上的数字：已标记样本数。红色：检测器根据分数集中程度认定被攻击的类别（%1）。</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="203"/>
        <source>%1: %L2 samples shown, %L3 of them poisons (ground truth). σ1/σ2 %4 · detector&apos;s flagged %L5 · AUROC in class %6</source>
        <translation>%1：显示 %L2 个样本，其中 %L3 个为投毒样本（真实标注）。σ1/σ2 %4 · 检测器标记 %L5 · 类内 AUROC %6</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="213"/>
        <source>No samples of this class are shown.</source>
        <translation>此类别没有显示的样本。</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="214"/>
        <source>No detector results yet: run Spectral signatures in the Detectors panel, or open a run that has them.</source>
        <translation>尚无检测器结果：请在检测器面板中运行谱签名，或打开已有结果的运行。</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="242"/>
        <source>Threshold %1: flagged %L2 of %L3 shown · precision %4 · recall %5 (against the ground truth, which the detector never sees)</source>
        <translation>阈值 %1：在显示的 %L3 个中标记 %L2 个 · 精确率 %4 · 召回率 %5（对照检测器从不可见的真实标注）</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::TrainingView</name>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="50"/>
        <source>The same with the trigger mirrored left-right (column 31 - c): a recipe that flips images trains on both orientations, so the backdoor may answer to both</source>
        <translation>触发器左右镜像后的同一指标（第 31 - c 列）：使用翻转的训练配方会在两个方向上训练，因此后门可能对两者都有反应</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="57"/>
        <source>Accuracy on the clean test set</source>
        <translation>干净测试集上的准确率</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="59"/>
        <source>Attack success rate: triggered source-class test images classified as the target</source>
        <translation>攻击成功率：被分类为目标类别的带触发器源类别测试图像</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="61"/>
        <source>Clean accuracy (CTA)</source>
        <translation>干净准确率（CTA）</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="63"/>
        <source>Attack success rate (PTA)</source>
        <translation>攻击成功率（PTA）</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="66"/>
        <source>Training time</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="30"/>
        <source>Loss and learning rate</source>
        <translation>损失与学习率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="31"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="33"/>
        <location filename="../widgets/plot/training_plots.cpp" line="36"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="34"/>
        <source>loss (per epoch)</source>
        <translation>损失（每轮）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="35"/>
        <source>loss (live)</source>
        <translation>损失（实时）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="37"/>
        <source>Accuracy and attack success</source>
        <translation>准确率与攻击成功率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="40"/>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="41"/>
        <source>clean test accuracy</source>
        <translation>干净测试准确率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="42"/>
        <source>attack success rate</source>
        <translation>攻击成功率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="43"/>
        <source>poisons fitted</source>
        <translation>已拟合投毒</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="44"/>
        <source>ASR, mirrored trigger</source>
        <translation>ASR，镜像触发器</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="46"/>
        <source>Throughput</source>
        <translation>吞吐量</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="47"/>
        <location filename="../widgets/plot/training_plots.cpp" line="48"/>
        <source>images/s</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="80"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="52"/>
        <source>Clean test set</source>
        <translation>干净测试集</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="54"/>
        <source>Every test image with the trigger</source>
        <translation>每张带触发器的测试图像</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="87"/>
        <source>Confusion matrices</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="103"/>
        <source>No model trained yet.</source>
        <translation>尚未训练模型。</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="111"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="119"/>
        <source>Epoch %1 of %2, batch %3 of %4
%L5 images/s · learning rate %6</source>
        <translation>第 %1 / %2 轮，第 %3 / %4 批
%L5 图像/秒 · 学习率 %6</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="131"/>
        <source>After epoch %1 of %2: loss %3, %L4 images/s</source>
        <translation>第 %1 / %2 轮后：损失 %3，%L4 图像/秒</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="149"/>
        <source>Finished: %1 epochs on %L2 images, %3, %4 threads%5
Poisons fitted: %6</source>
        <translation>完成：在 %L2 张图像上训练 %1 轮，%3，%4 个线程%5
已拟合投毒：%6</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="156"/>
        <source>, resumed after epoch %1</source>
        <translation>，从第 %1 轮后继续</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="116"/>
        <source>Clean test set: true class (rows) → predicted (%)</source>
        <translation>干净测试集：真实类别（行）→ 预测（%）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="118"/>
        <source>Every test image with the trigger: true class → predicted (%)</source>
        <translation>每张带触发器的测试图像：真实类别 → 预测（%）</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="173"/>
        <source>mirrored trigger: %1</source>
        <translation>镜像触发器：%1</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="173"/>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::UnlearnPanel</name>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="21"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="136"/>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="21"/>
        <source>Forget set</source>
        <translation>遗忘集</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="21"/>
        <source>Clean</source>
        <translation>干净</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="22"/>
        <source>Δ clean</source>
        <translation>Δ 干净</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="22"/>
        <source>ASR</source>
        <translation>ASR</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="22"/>
        <source>ASR mirrored</source>
        <translation>镜像 ASR</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="22"/>
        <source>α / λ</source>
        <translation>α / λ</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="23"/>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="62"/>
        <source>Double-click a version to make it current (undo: Ctrl+Z)</source>
        <translation>双击版本使其成为当前版本（撤销：Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="66"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="68"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="76"/>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>撤销 %1（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="82"/>
        <source>Clean accuracy per class: original and current</source>
        <translation>每类干净准确率：原始与当前</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="83"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="84"/>
        <source>Original</source>
        <translation>原始</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="85"/>
        <source>Current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="80"/>
        <source>Corrective sweep: ASR and clean accuracy against the poisons forgotten</source>
        <translation>纠正性扫描：ASR 和干净准确率与遗忘的投毒样本比例的关系</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="81"/>
        <source>fraction of the poisons in the forget set</source>
        <translation>遗忘集中投毒样本的比例</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="82"/>
        <source>rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="93"/>
        <source>Per class</source>
        <translation>每类</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="94"/>
        <source>Confusion matrices</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="95"/>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="102"/>
        <source>&lt;b&gt;Model versions&lt;/b&gt; (▶ current)</source>
        <translation>&lt;b&gt;模型版本&lt;/b&gt;（▶ 当前）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="146"/>
        <source>A seeded fraction of the poisons: what a defender who found only part of them has</source>
        <translation>按种子抽取的部分投毒样本：只找到其中一部分的防御者所拥有的</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="149"/>
        <source>Fraction</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="154"/>
        <source>Selective Synaptic Dampening</source>
        <translation>选择性突触抑制（SSD）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="163"/>
        <source>Selection: dampen a parameter where its forget-set importance exceeds alpha times its importance on the whole training set</source>
        <translation>选择：当参数在遗忘集上的重要性超过其在整个训练集上重要性的 alpha 倍时，抑制该参数</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="165"/>
        <source>Dampening: theta *= min(lambda I_full / I_forget, 1)</source>
        <translation>抑制：theta *= min(lambda I_全部 / I_遗忘, 1)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="172"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="173"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="174"/>
        <source>Apply when a slider is released</source>
        <translation>松开滑块时应用</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="177"/>
        <source>Apply SSD</source>
        <translation>应用 SSD</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="179"/>
        <source>Choose α, λ honestly</source>
        <translation>诚实地选择 α、λ</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="182"/>
        <source>Pick alpha and lambda with held-out folds of the forget set and clean training images only: no test set, no ground truth (--select)</source>
        <translation>仅用遗忘集的留出折和干净训练图像选择 alpha 和 lambda：不用测试集，不用真实标注（--select）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="207"/>
        <source>For comparison</source>
        <translation>用于比较</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="209"/>
        <source>Retrain without the forget set</source>
        <translation>去掉遗忘集重新训练</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="212"/>
        <source>Exact unlearning: the original recipe from scratch (as long as the original training)</source>
        <translation>精确遗忘：用原始配方从头训练（与原始训练一样长）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="221"/>
        <source>Fine-tune on the retained set</source>
        <translation>在保留集上微调</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="224"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="225"/>
        <source>Peak LR</source>
        <translation>峰值学习率</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="232"/>
        <source>Corrective sweep</source>
        <translation>纠正性扫描</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="238"/>
        <source>fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="239"/>
        <source>retrain (slow)</source>
        <translation>重新训练（慢）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="240"/>
        <source>Run sweep</source>
        <translation>运行扫描</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="246"/>
        <source>Fractions</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="247"/>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="256"/>
        <source>Fractions: &apos;%1&apos; is not a number in (0, 1]</source>
        <translation>比例：“%1”不是 (0, 1] 中的数字</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="306"/>
        <source>Every poison (ground truth)</source>
        <translation>所有投毒样本（真实标注）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="307"/>
        <source>A fraction of the poisons</source>
        <translation>部分投毒样本</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="310"/>
        <source>Flagged by %1 (%L2)</source>
        <translation>由 %1 标记（%L2）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="312"/>
        <source>The current selection (%L1)</source>
        <translation>当前选择（%L1）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="50"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="51"/>
        <source>%L1 (%L2 poisons)</source>
        <translation>%L1（%L2 个投毒样本）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="53"/>
        <source>%1%2 pt</source>
        <comment>percentage points</comment>
        <translation>%1%2 个百分点</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="369"/>
        <source>Train or open a run with a model to unlearn.</source>
        <translation>请训练或打开一个带模型的运行以进行遗忘。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="371"/>
        <source>&lt;b&gt;Original model&lt;/b&gt;: clean %1 · ASR %2 · mirrored %3. Unlearn a forget set to compare.</source>
        <translation>&lt;b&gt;原始模型&lt;/b&gt;：干净 %1 · ASR %2 · 镜像 %3。遗忘一个遗忘集以进行比较。</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="377"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: clean %2 (was %3) · &lt;b&gt;ASR %4&lt;/b&gt; (was %5) · mirrored %6 (was %7) · forget set %L8 samples, %L9 poisons</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：干净 %2（原为 %3）· &lt;b&gt;ASR %4&lt;/b&gt;（原为 %5）· 镜像 %6（原为 %7）· 遗忘集 %L8 个样本，%L9 个投毒样本</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="427"/>
        <source>%1: clean confusion</source>
        <translation>%1：干净混淆矩阵</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="434"/>
        <source>Clean accuracy per class: %1 (blue)</source>
        <translation>每类干净准确率：%1（蓝色）</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="435"/>
        <source>Clean accuracy per class: %1 (blue) and %2 (orange)</source>
        <translation>每类干净准确率：%1（蓝色）和 %2（橙色）</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="104"/>
        <source>original: ASR</source>
        <translation>原始：ASR</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="108"/>
        <source>original: clean accuracy</source>
        <translation>原始：干净准确率</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="124"/>
        <source>%1: ASR</source>
        <translation>%1：ASR</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="129"/>
        <source>%1: clean accuracy</source>
        <translation>%1：干净准确率</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::WhatIfDialog</name>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="196"/>
        <source>What if…</source>
        <translation>假设分析…</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="199"/>
        <source>Trigger position (row, column)</source>
        <translation>触发器位置（行，列）</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="200"/>
        <source>Trigger colour (R, G, B)</source>
        <translation>触发器颜色（R, G, B）</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="201"/>
        <source>Trigger size</source>
        <translation>触发器大小</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="202"/>
        <source>Trigger type (pixel, patch, blend)</source>
        <translation>触发器类型（像素、色块、混合）</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="203"/>
        <source>Poison count</source>
        <translation>投毒数量</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="204"/>
        <source>Class pair (source, target)</source>
        <translation>类别对（源，目标）</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="205"/>
        <source>Poison seed</source>
        <translation>投毒种子</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="206"/>
        <source>Model (e.g. resnet20, resnet8)</source>
        <translation>模型（例如 resnet20、resnet8）</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="207"/>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="208"/>
        <source>Training seed</source>
        <translation>训练种子</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="220"/>
        <source>Poison and train</source>
        <translation>投毒并训练</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="227"/>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="228"/>
        <source>To</source>
        <translation>改为</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="230"/>
        <source>A new run: the open run&apos;s experiment and recipe with one setting changed, poisoned and trained as a job.</source>
        <translation>新运行：当前运行的实验和配方，更改一项设置后作为任务投毒并训练。</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="282"/>
        <source>Now: %1</source>
        <translation>现在：%1</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="365"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
</TS>
