<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliText</name>
    <message>
        <source>List the kubeconfig contexts and check that each one can be used</source>
        <translation type="unfinished">列出 kubeconfig 中的上下文，并检查每个上下文是否可用</translation>
    </message>
    <message>
        <source>Output format: table (default) or json.</source>
        <translation type="unfinished">输出格式：table（默认）或 json。</translation>
    </message>
    <message>
        <source>Read only this kubeconfig file (instead of KUBECONFIG or ~/.kube/config).</source>
        <translation type="unfinished">只读取此 kubeconfig 文件（而不是 KUBECONFIG 或 ~/.kube/config）。</translation>
    </message>
    <message>
        <source>Do not run exec credential plugins.</source>
        <translation type="unfinished">不运行 exec 凭据插件。</translation>
    </message>
    <message>
        <source>Timeout for each exec plugin, in seconds (default 30).</source>
        <translation type="unfinished">每个 exec 插件的超时时间，单位为秒（默认 30）。</translation>
    </message>
    <message>
        <source>Print every problem and warning.</source>
        <translation type="unfinished">输出所有问题和警告。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished">显示此帮助。</translation>
    </message>
    <message>
        <source>Run &apos;fission-desk-cli contexts --help&apos; for usage.</source>
        <translation type="unfinished">运行 &apos;fission-desk-cli contexts --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation type="unfinished">意外的参数：%1</translation>
    </message>
    <message>
        <source>unknown output format &quot;%1&quot; (use table or json)</source>
        <translation type="unfinished">未知的输出格式 &quot;%1&quot;（请使用 table 或 json）</translation>
    </message>
    <message>
        <source>--exec-timeout must be a number of seconds between 0 and 3600</source>
        <translation type="unfinished">--exec-timeout 必须是 0 到 3600 之间的秒数</translation>
    </message>
    <message>
        <source>--kubeconfig needs a file name</source>
        <translation type="unfinished">--kubeconfig 需要指定文件名</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (+%1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the cluster or user could not be resolved</source>
        <translation type="unfinished">无法解析集群或用户</translation>
    </message>
    <message>
        <source>exec: credential ok (expires %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec: credential ok (no expiry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exec: %1</source>
        <translation type="unfinished">exec：%1</translation>
    </message>
    <message>
        <source>exec: not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no contexts in %1</source>
        <translation type="unfinished">%1 中没有上下文</translation>
    </message>
</context>
<context>
    <name>fd::cli</name>
    <message>
        <source>Usage: fission-desk-cli &lt;command&gt; [options]</source>
        <translation>用法：fission-desk-cli &lt;命令&gt; [选项]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &apos;fission-desk-cli &lt;command&gt; --help&apos; for the options of a command.</source>
        <translation>运行 &apos;fission-desk-cli &lt;命令&gt; --help&apos; 查看某个命令的选项。</translation>
    </message>
    <message>
        <source>fission-desk-cli: unknown command &quot;%1&quot;</source>
        <translation>fission-desk-cli: 未知命令 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::fission</name>
    <message>
        <source>expected a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a list of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a condition has no type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown archive type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an archive of type url needs a url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only sha256 checksums are supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment has no runtime image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version must be 1, 2 or 3 (found %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the pool size cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be &quot;single&quot; or &quot;infinite&quot; (found &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown build status &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package names no environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment must be in the package&apos;s own namespace (%1, not %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package has neither a source nor a deployment archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown executor type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a function with the container executor needs a pod spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the function names no environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the function names no package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MinScale must be between 0 and MaxScale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown function reference type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no function weights are given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the trigger names no function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the trigger has neither a relative URL nor a prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL path must start with /</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the time trigger has no cron schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the message queue trigger has no topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the watch trigger names no object type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tenant names no namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>legacy (namespaces from Helm values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>static (namespaces from Helm values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dynamic (FissionTenants)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster (every namespace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments cannot be listed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments have not been read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments can be read only in some namespaces and none of them holds Fission&apos;s control plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>served</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partially served (rollout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>onboarding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>namespace missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::helm</name>
    <message>
        <source>The stored chart has no name or version; it cannot be rebuilt.</source>
        <translation>存储的 chart 没有名称或版本，无法重建。</translation>
    </message>
    <message>
        <source>The release stores no templates for chart %1 %2, so it cannot be rebuilt from the release. Choose the chart (a directory, archive or repository reference) to upgrade with.</source>
        <translation>该 release 没有存储 chart %1 %2 的模板，因此无法从 release 重建。请选择用于升级的 chart（目录、归档文件或仓库引用）。</translation>
    </message>
    <message>
        <source>Chart %1 %2 has dependencies (subcharts), which Helm does not store in the release; an upgrade from the stored chart would remove their objects. Choose the chart to upgrade with.</source>
        <translation>Chart %1 %2 有依赖（子 chart），而 Helm 不会把它们存储在 release 中；用存储的 chart 升级会删除这些子 chart 的对象。请选择用于升级的 chart。</translation>
    </message>
    <message>
        <source>The stored chart contains the file name &quot;%1&quot;, which is not a safe relative path; the chart is not written.</source>
        <translation>存储的 chart 包含文件名“%1”，它不是安全的相对路径；未写入该 chart。</translation>
    </message>
    <message>
        <source>Cannot create the directory %1.</source>
        <translation>无法创建目录 %1。</translation>
    </message>
    <message>
        <source>Cannot create the directory for %1.</source>
        <translation>无法为 %1 创建目录。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>helm&apos;s %1 output could not be read: %2</source>
        <translation>无法读取 helm 的 %1 输出：%2</translation>
    </message>
    <message>
        <source>not a list</source>
        <translation>不是列表</translation>
    </message>
    <message>
        <source>not a map</source>
        <translation>不是映射</translation>
    </message>
    <message>
        <source>Install Helm 3 or 4 (https://helm.sh/docs/intro/install/, e.g. the official get-helm script, a package manager, or the release archive) and make sure `helm` is on your PATH, or set its path in the settings.</source>
        <translation>请安装 Helm 3 或 4（https://helm.sh/docs/intro/install/，例如官方 get-helm 脚本、软件包管理器或发布归档），并确保 `helm` 在 PATH 中，或在设置中指定其路径。</translation>
    </message>
    <message>
        <source>Another Helm operation on this release is in progress, or one crashed and left it pending: %1</source>
        <translation>此 release 上另一个 Helm 操作正在进行，或者某个操作崩溃后使其停留在 pending 状态：%1</translation>
    </message>
    <message>
        <source>Helm found no such release: %1</source>
        <translation>Helm 找不到该 release：%1</translation>
    </message>
    <message>
        <source>Helm could not reach the cluster: %1</source>
        <translation>Helm 无法连接到集群：%1</translation>
    </message>
    <message>
        <source>Helm gave up waiting (its --timeout ran out): %1</source>
        <translation>Helm 已停止等待（其 --timeout 已到）：%1</translation>
    </message>
    <message>
        <source>helm failed with exit code %1.</source>
        <translation>helm 失败，退出码为 %1。</translation>
    </message>
    <message>
        <source>helm failed: %1</source>
        <translation>helm 失败：%1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>helm (%1) could not be started: %2</source>
        <translation>无法启动 helm（%1）：%2</translation>
    </message>
    <message>
        <source>Cancelled before helm started.</source>
        <translation>已在 helm 启动前取消。</translation>
    </message>
    <message>
        <source>helm did not finish within %1 s and was stopped.</source>
        <translation>helm 未能在 %1 秒内完成，已被停止。</translation>
    </message>
    <message>
        <source>helm printed more than %1 MiB and was stopped.</source>
        <translation>helm 输出超过 %1 MiB，已被停止。</translation>
    </message>
    <message>
        <source>Cancelled; helm was stopped.</source>
        <translation>已取消；helm 已被停止。</translation>
    </message>
    <message>
        <source>helm crashed: %1</source>
        <translation>helm 崩溃：%1</translation>
    </message>
    <message>
        <source>helm was not found. %1</source>
        <translation>未找到 helm。%1</translation>
    </message>
    <message>
        <source>`helm version` did not answer in time.</source>
        <translation>`helm version` 未能及时响应。</translation>
    </message>
    <message>
        <source>`helm version` crashed.</source>
        <translation>`helm version` 崩溃了。</translation>
    </message>
    <message>
        <source>%1 does not look like Helm: `helm version --short` printed &quot;%2&quot; (exit code %3). %4</source>
        <translation>%1 看起来不是 Helm：`helm version --short` 输出了“%2”（退出码 %3）。%4</translation>
    </message>
    <message>
        <source>%1 is Helm %2; Helm 3 or 4 is needed. %3</source>
        <translation>%1 是 Helm %2；需要 Helm 3 或 4。%3</translation>
    </message>
    <message>
        <source>The release field &quot;%1&quot; is not %2.</source>
        <translation>release 字段“%1”不是%2。</translation>
    </message>
    <message>
        <source>The timestamp %1 (&quot;%2&quot;) could not be read; it is shown as unset.</source>
        <translation>无法读取时间戳 %1（“%2”）；将显示为未设置。</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a list of files</source>
        <translation>文件列表</translation>
    </message>
    <message>
        <source>The data of the chart file &quot;%1&quot; is not valid base64.</source>
        <translation>chart 文件“%1”的数据不是有效的 base64。</translation>
    </message>
    <message>
        <source>base64 text</source>
        <translation>base64 文本</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>The chart&apos;s values schema is not valid base64.</source>
        <translation>chart 的 values schema 不是有效的 base64。</translation>
    </message>
    <message>
        <source>The chart&apos;s values schema has an unexpected form; it is ignored.</source>
        <translation>chart 的 values schema 格式异常，已忽略。</translation>
    </message>
    <message>
        <source>a list of hooks</source>
        <translation>hook 列表</translation>
    </message>
    <message>
        <source>%1 is not a Helm release record (a Secret of type %2, or a ConfigMap labelled owner=helm).</source>
        <translation>%1 不是 Helm release 记录（类型为 %2 的 Secret，或带有 owner=helm 标签的 ConfigMap）。</translation>
    </message>
    <message>
        <source>The object</source>
        <translation>该对象</translation>
    </message>
    <message>
        <source>%1 has no data.release.</source>
        <translation>%1 没有 data.release。</translation>
    </message>
    <message>
        <source>%1: the label %2=%3 disagrees with the stored release (%4); the stored release is used.</source>
        <translation>%1：标签 %2=%3 与存储的 release（%4）不一致；以存储的 release 为准。</translation>
    </message>
    <message>
        <source>%1: the object&apos;s name does not match the stored release %2 revision %3.</source>
        <translation>%1：对象名称与存储的 release %2 的版本 %3 不匹配。</translation>
    </message>
    <message>
        <source>%1: the stored release names the namespace %2; the record is in %3.</source>
        <translation>%1：存储的 release 指明命名空间为 %2，而该记录位于 %3。</translation>
    </message>
    <message>
        <source>The Secret&apos;s data.release is not valid base64.</source>
        <translation>Secret 的 data.release 不是有效的 base64。</translation>
    </message>
    <message>
        <source>The release record is not valid base64 (Helm&apos;s own encoding layer).</source>
        <translation>release 记录不是有效的 base64（Helm 自己的编码层）。</translation>
    </message>
    <message>
        <source>The release record is larger than %1.</source>
        <translation>release 记录大于 %1。</translation>
    </message>
    <message>
        <source>The release record is neither gzip data nor JSON.</source>
        <translation>release 记录既不是 gzip 数据也不是 JSON。</translation>
    </message>
    <message>
        <source>The release record&apos;s gzip data is cut short.</source>
        <translation>release 记录的 gzip 数据不完整。</translation>
    </message>
    <message>
        <source>The release record&apos;s gzip data is damaged (bad data or checksum).</source>
        <translation>release 记录的 gzip 数据已损坏（数据或校验和错误）。</translation>
    </message>
    <message>
        <source>The release record decompresses to more than %1; it is not read.</source>
        <translation>release 记录解压后超过 %1；不予读取。</translation>
    </message>
    <message>
        <source>The release record is not valid JSON (%1 at offset %2).</source>
        <translation>release 记录不是有效的 JSON（偏移量 %2 处：%1）。</translation>
    </message>
    <message>
        <source>The release record is JSON but not an object.</source>
        <translation>release 记录是 JSON，但不是对象。</translation>
    </message>
    <message>
        <source>The release record has no name.</source>
        <translation>release 记录没有名称。</translation>
    </message>
    <message>
        <source>The release record %1 has no valid revision number (&quot;version&quot;).</source>
        <translation>release 记录 %1 没有有效的版本号（“version”）。</translation>
    </message>
    <message>
        <source>Revision %1 has an unknown status &quot;%2&quot;.</source>
        <translation>版本 %1 的状态“%2”未知。</translation>
    </message>
    <message>
        <source>Revision %1 has an unknown apply method &quot;%2&quot;; client-side is assumed.</source>
        <translation>版本 %1 的应用方式“%2”未知；按客户端应用处理。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not at the start of its line; edit the text directly.</source>
        <translation>“%1”不在行首；请直接编辑文本。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; has an unusual form; edit the text directly.</source>
        <translation>键“%1”的写法不常见；请直接编辑文本。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; uses a YAML anchor, alias or tag; edit the text directly.</source>
        <translation>“%1”的值使用了 YAML 锚点、别名或标签；请直接编辑文本。</translation>
    </message>
    <message>
        <source>The value of &quot;%1&quot; is not terminated.</source>
        <translation>“%1”的值没有结束。</translation>
    </message>
    <message>
        <source>The values have a YAML syntax error; fix it before editing them here.</source>
        <translation>values 有 YAML 语法错误；请先修正后再在此编辑。</translation>
    </message>
    <message>
        <source>The values are written as a flow map ({…}); edit the text directly.</source>
        <translation>values 以流式映射（{…}）书写；请直接编辑文本。</translation>
    </message>
    <message>
        <source>The values document is not a map of keys.</source>
        <translation>values 文档不是键的映射。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a map; edit the text directly.</source>
        <translation>“%1”不是映射；请直接编辑文本。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is written as a flow map ({…}); edit the text directly.</source>
        <translation>“%1”以流式映射（{…}）书写；请直接编辑文本。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has an unusual value; edit the text directly.</source>
        <translation>“%1”的值不常见；请直接编辑文本。</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>YAML 语法错误：%1</translation>
    </message>
    <message>
        <source>The values must be a map of keys, not %1.</source>
        <translation>values 必须是键的映射，而不是%1。</translation>
    </message>
    <message>
        <source>The values are nested too deeply or are too large.</source>
        <translation>values 嵌套过深或过大。</translation>
    </message>
    <message>
        <source>The change could not be made safely in this text; edit the text directly.</source>
        <translation>无法在此文本中安全地进行该修改；请直接编辑文本。</translation>
    </message>
    <message>
        <source>a namespace name cannot be empty</source>
        <translation>命名空间名称不能为空</translation>
    </message>
    <message>
        <source>a namespace name has at most 63 characters</source>
        <translation>命名空间名称最多 63 个字符</translation>
    </message>
    <message>
        <source>a namespace name may contain only lowercase letters, digits and &apos;-&apos;</source>
        <translation>命名空间名称只能包含小写字母、数字和“-”</translation>
    </message>
    <message>
        <source>a namespace name must start and end with a letter or digit</source>
        <translation>命名空间名称必须以字母或数字开头和结尾</translation>
    </message>
    <message>
        <source>empty (null)</source>
        <translation>空值（null）</translation>
    </message>
    <message>
        <source>a map</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a boolean (true/false)</source>
        <translation>布尔值（true/false）</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>&quot;%1&quot; appears more than once; Helm uses the last one.</source>
        <translation>“%1”出现了多次；Helm 使用最后一个。</translation>
    </message>
    <message>
        <source>%1 is empty; give a namespace name or remove the entry.</source>
        <translation>%1 为空；请填写命名空间名称或删除该条目。</translation>
    </message>
    <message>
        <source>%1 must be a namespace name, not %2.</source>
        <translation>%1 必须是命名空间名称，而不是%2。</translation>
    </message>
    <message>
        <source>%1: Helm reads %2 as %3, not as a name; write it in quotes (&quot;%2&quot;).</source>
        <translation>%1：Helm 会把 %2 读作%3，而不是名称；请加上引号（&quot;%2&quot;）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace name: %2.</source>
        <translation>“%1”不是有效的命名空间名称：%2。</translation>
    </message>
    <message>
        <source>The namespace &quot;%1&quot; does not exist. The chart creates Roles in it and Helm creates no namespaces, so the upgrade would fail: create it first.</source>
        <translation>命名空间“%1”不存在。chart 会在其中创建 Role，而 Helm 不会创建命名空间，因此升级会失败：请先创建它。</translation>
    </message>
    <message>
        <source>Only the first YAML document (before &quot;---&quot;) is used.</source>
        <translation>只使用第一个 YAML 文档（“---”之前的部分）。</translation>
    </message>
    <message>
        <source>%1 must be a list of namespace names, not %2.</source>
        <translation>%1 必须是命名空间名称的列表，而不是%2。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is listed twice.</source>
        <translation>“%1”被列出了两次。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the default namespace (defaultNamespace); it is watched already and must not be listed again.</source>
        <translation>“%1”是默认命名空间（defaultNamespace）；它已被监视，不能再次列出。</translation>
    </message>
    <message>
        <source>executor must be a map, not %1.</source>
        <translation>executor 必须是映射，而不是%1。</translation>
    </message>
    <message>
        <source>executor.adoptExistingResources must be true or false, not %1.</source>
        <translation>executor.adoptExistingResources 必须是 true 或 false，而不是%1。</translation>
    </message>
</context>
<context>
    <name>fd::kube</name>
    <message>
        <source>the exec plugin has no command</source>
        <translation>exec 插件未指定命令</translation>
    </message>
    <message>
        <source>exec plugin &quot;%1&quot; was not found</source>
        <translation>未找到 exec 插件 &quot;%1&quot;</translation>
    </message>
    <message>
        <source> (%1 exists but is not executable)</source>
        <translation> （%1 存在但不可执行）</translation>
    </message>
    <message>
        <source>; tried: %1</source>
        <translation>；已尝试：%1</translation>
    </message>
    <message>
        <source> (the login shell %1 did not report a PATH)</source>
        <translation> （登录 shell %1 未返回 PATH）</translation>
    </message>
    <message>
        <source>. Install hint: %1</source>
        <translation>。安装提示：%1</translation>
    </message>
    <message>
        <source>. Set the plugin&apos;s path in the context settings if it is installed elsewhere</source>
        <translation>。如果插件安装在其他位置，请在上下文设置中指定插件路径</translation>
    </message>
    <message>
        <source>the plugin&apos;s output is JSON but not an object</source>
        <translation>插件输出是 JSON，但不是对象</translation>
    </message>
    <message>
        <source>the plugin&apos;s output is not valid JSON (%1 at offset %2)</source>
        <translation>插件输出不是有效的 JSON（偏移量 %2 处：%1）</translation>
    </message>
    <message>
        <source>exec plugin: apiVersion %1 is not supported (expected client.authentication.k8s.io/v1 or v1beta1)</source>
        <translation>exec 插件：不支持 apiVersion %1（应为 client.authentication.k8s.io/v1 或 v1beta1）</translation>
    </message>
    <message>
        <source>the plugin printed nothing on stdout (expected an ExecCredential)</source>
        <translation>插件未在 stdout 上输出任何内容（应输出 ExecCredential）</translation>
    </message>
    <message>
        <source>the plugin&apos;s output has no apiVersion or kind (expected an ExecCredential)</source>
        <translation>插件输出缺少 apiVersion 或 kind（应为 ExecCredential）</translation>
    </message>
    <message>
        <source>the plugin returned a %1, expected an ExecCredential</source>
        <translation>插件返回的是 %1，应为 ExecCredential</translation>
    </message>
    <message>
        <source>exec plugin is configured to use API version %1, plugin returned version %2</source>
        <translation>exec 插件配置使用的 API 版本为 %1，但插件返回的版本为 %2</translation>
    </message>
    <message>
        <source>exec plugin didn&apos;t return a status field</source>
        <translation>exec 插件未返回 status 字段</translation>
    </message>
    <message>
        <source>the plugin&apos;s status is not an object</source>
        <translation>插件的 status 不是对象</translation>
    </message>
    <message>
        <source>the plugin&apos;s status.%1 is not a string</source>
        <translation>插件的 status.%1 不是字符串</translation>
    </message>
    <message>
        <source>exec plugin didn&apos;t return a token or cert/key pair</source>
        <translation>exec 插件既未返回 token，也未返回证书/密钥对</translation>
    </message>
    <message>
        <source>exec plugin returned only certificate or key, not both</source>
        <translation>exec 插件只返回了证书或密钥之一，而不是两者都返回</translation>
    </message>
    <message>
        <source>the plugin&apos;s clientCertificateData is not usable: %1</source>
        <translation>插件的 clientCertificateData 不可用：%1</translation>
    </message>
    <message>
        <source>the plugin&apos;s clientKeyData is not usable: %1</source>
        <translation>插件的 clientKeyData 不可用：%1</translation>
    </message>
    <message>
        <source>the plugin&apos;s certificate and key: %1</source>
        <translation>插件的证书和密钥：%1</translation>
    </message>
    <message>
        <source>the plugin&apos;s expirationTimestamp %1 is not an RFC 3339 time</source>
        <translation>插件的 expirationTimestamp %1 不是 RFC 3339 格式的时间</translation>
    </message>
    <message>
        <source>exec plugin %1 has interactiveMode Always and needs a terminal, which Fission Desk does not have; it was not run (set interactiveMode to IfAvailable or Never)</source>
        <translation>exec 插件 %1 的 interactiveMode 为 Always，需要终端，但 Fission Desk 没有终端；因此未运行该插件（请将 interactiveMode 设为 IfAvailable 或 Never）</translation>
    </message>
    <message>
        <source>exec plugin %1: apiVersion %2 is not supported (expected client.authentication.k8s.io/v1 or v1beta1)</source>
        <translation>exec 插件 %1：不支持 apiVersion %2（应为 client.authentication.k8s.io/v1 或 v1beta1）</translation>
    </message>
    <message>
        <source>exec plugin %1 could not be started: %2</source>
        <translation>无法启动 exec 插件 %1：%2</translation>
    </message>
    <message>
        <source>; stderr: %1</source>
        <translation>；stderr：%1</translation>
    </message>
    <message>
        <source>exec plugin %1 was cancelled</source>
        <translation>exec 插件 %1 已取消</translation>
    </message>
    <message>
        <source>exec plugin %1 did not finish within %2 s and was stopped</source>
        <translation>exec 插件 %1 未在 %2 秒内完成，已被终止</translation>
    </message>
    <message>
        <source>exec plugin %1 printed more than %2 bytes and was stopped</source>
        <translation>exec 插件 %1 输出超过 %2 字节，已被终止</translation>
    </message>
    <message>
        <source>exec plugin %1 crashed</source>
        <translation>exec 插件 %1 崩溃</translation>
    </message>
    <message>
        <source>exec plugin %1 failed with exit code %2</source>
        <translation>exec 插件 %1 执行失败，退出码为 %2</translation>
    </message>
    <message>
        <source>exec plugin %1: %2</source>
        <translation>exec 插件 %1：%2</translation>
    </message>
    <message>
        <source>%1: expected %2, got %3</source>
        <translation>%1：应为 %2，实际为 %3</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>%1: the boolean is quoted (&quot;%2&quot;); kubectl rejects this, Fission Desk reads it as %3</source>
        <translation>%1：布尔值带有引号（&quot;%2&quot;）；kubectl 会拒绝此写法，Fission Desk 将其读作 %3</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a list of strings</source>
        <translation>字符串列表</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; (ignored)</source>
        <translation>未知字段 &quot;%1&quot;（已忽略）</translation>
    </message>
    <message>
        <source>%1: unknown field &quot;%2&quot; (ignored)</source>
        <translation>%1：未知字段 &quot;%2&quot;（已忽略）</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is given more than once; the last one is used</source>
        <translation>字段 &quot;%1&quot; 出现多次；使用最后一个</translation>
    </message>
    <message>
        <source>%1: expected a list of entries, got %2; all of them are ignored</source>
        <translation>%1：应为条目列表，实际为 %2；已全部忽略</translation>
    </message>
    <message>
        <source>expected a mapping with &quot;name&quot; and &quot;%1&quot;, got %2; the entry is ignored</source>
        <translation>应为包含 &quot;name&quot; 和 &quot;%1&quot; 的映射，实际为 %2；已忽略该条目</translation>
    </message>
    <message>
        <source>; the entry is ignored</source>
        <translation>；已忽略该条目</translation>
    </message>
    <message>
        <source>the entry has no name; it is ignored</source>
        <translation>该条目没有名称；已忽略</translation>
    </message>
    <message>
        <source>the entry is cut off by the YAML syntax error and has no name; it is ignored</source>
        <translation>该条目被 YAML 语法错误截断，且没有名称；已忽略</translation>
    </message>
    <message>
        <source>the entry is cut off by the YAML syntax error at line %1 (%2)</source>
        <translation>该条目被第 %1 行的 YAML 语法错误截断（%2）</translation>
    </message>
    <message>
        <source>the entry has no &quot;%1&quot; field</source>
        <translation>该条目没有 &quot;%1&quot; 字段</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>duplicate name: %1[%2] already defines %3; this entry is ignored (kubectl refuses a file with duplicate names)</source>
        <translation>名称重复：%1[%2] 已定义 %3；已忽略此条目（kubectl 会拒绝含有重复名称的文件）</translation>
    </message>
    <message>
        <source>is a directory, not a kubeconfig file</source>
        <translation>是目录，不是 kubeconfig 文件</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>is larger than %1 MiB; it is not read</source>
        <translation>大于 %1 MiB；未读取</translation>
    </message>
    <message>
        <source>is not valid UTF-16 text</source>
        <translation>不是有效的 UTF-16 文本</translation>
    </message>
    <message>
        <source>is not a kubeconfig: it contains binary data (a NUL byte at offset %1)</source>
        <translation>不是 kubeconfig：包含二进制数据（偏移量 %1 处有 NUL 字节）</translation>
    </message>
    <message>
        <source>is not a kubeconfig: it is not UTF-8 text (invalid byte at offset %1)</source>
        <translation>不是 kubeconfig：不是 UTF-8 文本（偏移量 %1 处有无效字节）</translation>
    </message>
    <message>
        <source>YAML syntax error: %1; entries after this point are not read</source>
        <translation>YAML 语法错误：%1；此处之后的条目未被读取</translation>
    </message>
    <message>
        <source>contains more than one YAML document; only the first is used</source>
        <translation>包含多个 YAML 文档；只使用第一个</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is not a kubeconfig: the top level is %1, expected a mapping with clusters, users and contexts</source>
        <translation>不是 kubeconfig：顶层为 %1，应为包含 clusters、users 和 contexts 的映射</translation>
    </message>
    <message>
        <source>is not a kubeconfig: its kind is %1, expected Config</source>
        <translation>不是 kubeconfig：其 kind 为 %1，应为 Config</translation>
    </message>
    <message>
        <source>apiVersion is %1, expected v1</source>
        <translation>apiVersion 为 %1，应为 v1</translation>
    </message>
    <message>
        <source>preferences: expected a mapping, got %1 (ignored)</source>
        <translation>preferences：应为映射，实际为 %1（已忽略）</translation>
    </message>
    <message>
        <source>%1: file %2 does not exist</source>
        <translation>%1：文件 %2 不存在</translation>
    </message>
    <message>
        <source> (kubectl does not expand ~ in kubeconfig paths)</source>
        <translation> （kubectl 不会展开 kubeconfig 路径中的 ~）</translation>
    </message>
    <message>
        <source>%1: %2 is a directory, not a file</source>
        <translation>%1：%2 是目录，不是文件</translation>
    </message>
    <message>
        <source>%1: file %2 cannot be read: %3</source>
        <translation>%1：无法读取文件 %2：%3</translation>
    </message>
    <message>
        <source>%1: file %2 is too large (more than 4 MiB)</source>
        <translation>%1：文件 %2 过大（超过 4 MiB）</translation>
    </message>
    <message>
        <source>%1: contains PEM text, but the field must hold base64-encoded PEM (use the file variant without -data for a PEM file)</source>
        <translation>%1：包含 PEM 文本，但该字段必须是 base64 编码的 PEM（PEM 文件请使用不带 -data 的文件路径字段）</translation>
    </message>
    <message>
        <source>%1: is not valid base64</source>
        <translation>%1：不是有效的 base64</translation>
    </message>
    <message>
        <source>%1 and %2 are both set; %2 is used</source>
        <translation>同时设置了 %1 和 %2；使用 %2</translation>
    </message>
    <message>
        <source>server: the cluster has no server URL</source>
        <translation>server：集群没有服务器 URL</translation>
    </message>
    <message>
        <source>server: %1 is not a valid URL</source>
        <translation>server：%1 不是有效的 URL</translation>
    </message>
    <message>
        <source>server: unsupported scheme %1 (expected https or http)</source>
        <translation>server：不支持的协议 %1（应为 https 或 http）</translation>
    </message>
    <message>
        <source>server: %1 has no host</source>
        <translation>server：%1 没有主机名</translation>
    </message>
    <message>
        <source>server: the query or fragment of the URL is ignored</source>
        <translation>server：已忽略 URL 中的查询参数或片段</translation>
    </message>
    <message>
        <source>server: the URL contains user information, which is ignored</source>
        <translation>server：URL 中包含用户信息，已忽略</translation>
    </message>
    <message>
        <source>%1: not a usable CA certificate: %2</source>
        <translation>%1：不是可用的 CA 证书：%2</translation>
    </message>
    <message>
        <source>%1: skipped %2</source>
        <translation>%1：已跳过 %2</translation>
    </message>
    <message>
        <source>%1: the CA certificate %2 expired on %3</source>
        <translation>%1：CA 证书 %2 已于 %3 过期</translation>
    </message>
    <message>
        <source>insecure-skip-tls-verify is set together with a certificate authority; client-go refuses this combination (remove one of them)</source>
        <translation>insecure-skip-tls-verify 与证书颁发机构（CA）同时设置；client-go 不接受这种组合（请删除其中之一）</translation>
    </message>
    <message>
        <source>proxy-url: %1 is not a valid URL with a host</source>
        <translation>proxy-url：%1 不是带主机名的有效 URL</translation>
    </message>
    <message>
        <source>proxy-url: unsupported scheme %1 (expected http, https or socks5)</source>
        <translation>proxy-url：不支持的协议 %1（应为 http、https 或 socks5）</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>a mapping with name and extension</source>
        <translation>包含 name 和 extension 的映射</translation>
    </message>
    <message>
        <source>%1: the extension has no name</source>
        <translation>%1：该扩展没有名称</translation>
    </message>
    <message>
        <source>%1: the extension is nested too deeply or too large</source>
        <translation>%1：该扩展嵌套过深或过大</translation>
    </message>
    <message>
        <source>exec: command must be specified</source>
        <translation>exec：必须指定 command</translation>
    </message>
    <message>
        <source>a list of name/value pairs</source>
        <translation>name/value 对的列表</translation>
    </message>
    <message>
        <source>a mapping with name and value</source>
        <translation>包含 name 和 value 的映射</translation>
    </message>
    <message>
        <source>%1: env variable name must be specified</source>
        <translation>%1：必须指定环境变量名</translation>
    </message>
    <message>
        <source>exec: apiVersion must be specified (client.authentication.k8s.io/v1 or v1beta1)</source>
        <translation>exec：必须指定 apiVersion（client.authentication.k8s.io/v1 或 v1beta1）</translation>
    </message>
    <message>
        <source>exec: apiVersion client.authentication.k8s.io/v1alpha1 is no longer supported by kubectl; regenerate this entry with a current version of the tool that wrote it (e.g. `aws eks update-kubeconfig`) or change it to v1beta1</source>
        <translation>exec：kubectl 已不再支持 apiVersion client.authentication.k8s.io/v1alpha1；请用生成此条目的工具的当前版本重新生成（例如 `aws eks update-kubeconfig`），或将其改为 v1beta1</translation>
    </message>
    <message>
        <source>exec: apiVersion %1 is not supported (expected client.authentication.k8s.io/v1 or v1beta1)</source>
        <translation>exec：不支持 apiVersion %1（应为 client.authentication.k8s.io/v1 或 v1beta1）</translation>
    </message>
    <message>
        <source>exec: interactiveMode must be specified for client.authentication.k8s.io/v1 (Never, IfAvailable or Always)</source>
        <translation>exec：使用 client.authentication.k8s.io/v1 时必须指定 interactiveMode（Never、IfAvailable 或 Always）</translation>
    </message>
    <message>
        <source>exec: invalid interactiveMode %1 (expected Never, IfAvailable or Always)</source>
        <translation>exec：无效的 interactiveMode %1（应为 Never、IfAvailable 或 Always）</translation>
    </message>
    <message>
        <source>auth-provider: the gcp provider was removed in Kubernetes 1.26; use the gke-gcloud-auth-plugin exec plugin (`gcloud container clusters get-credentials` writes it)</source>
        <translation>auth-provider：gcp 提供程序已在 Kubernetes 1.26 中移除；请使用 gke-gcloud-auth-plugin exec 插件（`gcloud container clusters get-credentials` 会写入该配置）</translation>
    </message>
    <message>
        <source>auth-provider: the azure provider was removed in Kubernetes 1.26; use the kubelogin exec plugin (`kubelogin convert-kubeconfig`)</source>
        <translation>auth-provider：azure 提供程序已在 Kubernetes 1.26 中移除；请使用 kubelogin exec 插件（`kubelogin convert-kubeconfig`）</translation>
    </message>
    <message>
        <source>auth-provider: the provider has no name</source>
        <translation>auth-provider：提供程序没有名称</translation>
    </message>
    <message>
        <source>auth-provider: unknown provider %1 (only oidc is supported)</source>
        <translation>auth-provider：未知的提供程序 %1（仅支持 oidc）</translation>
    </message>
    <message>
        <source>auth-provider oidc: config has neither id-token nor refresh-token; log in with your OIDC tool first</source>
        <translation>auth-provider oidc：config 中既没有 id-token 也没有 refresh-token；请先使用 OIDC 工具登录</translation>
    </message>
    <message>
        <source>auth-provider oidc: there is no id-token; refreshing it from the issuer is not supported, log in with your OIDC tool again</source>
        <translation>auth-provider oidc：没有 id-token；不支持从签发方刷新，请使用 OIDC 工具重新登录</translation>
    </message>
    <message>
        <source>auth-provider oidc: the id-token expired on %1; the server will reject it (log in with your OIDC tool again)</source>
        <translation>auth-provider oidc：id-token 已于 %1 过期；服务器将拒绝它（请使用 OIDC 工具重新登录）</translation>
    </message>
    <message>
        <source>client-key-data or client-key must be specified to use the client certificate</source>
        <translation>要使用客户端证书，必须指定 client-key-data 或 client-key</translation>
    </message>
    <message>
        <source>a client key is given without a client certificate; it is ignored</source>
        <translation>指定了客户端密钥，但没有客户端证书；已忽略该密钥</translation>
    </message>
    <message>
        <source>%1: not a usable client certificate: %2</source>
        <translation>%1：不是可用的客户端证书：%2</translation>
    </message>
    <message>
        <source>%1: the client certificate expired on %2; the server will reject it</source>
        <translation>%1：客户端证书已于 %2 过期；服务器将拒绝它</translation>
    </message>
    <message>
        <source>%1: the client certificate is not valid before %2</source>
        <translation>%1：客户端证书在 %2 之前尚未生效</translation>
    </message>
    <message>
        <source>%1: not a usable private key: %2</source>
        <translation>%1：不是可用的私钥：%2</translation>
    </message>
    <message>
        <source>%1 and %2: %3</source>
        <translation>%1 和 %2：%3</translation>
    </message>
    <message>
        <source>tokenFile: file %1 is empty</source>
        <translation>tokenFile：文件 %1 为空</translation>
    </message>
    <message>
        <source>more than one authentication method: token and username/password; only one is allowed</source>
        <translation>设置了多种认证方式：token 和 username/password；只允许使用一种</translation>
    </message>
    <message>
        <source>auth-provider cannot be combined with an exec plugin</source>
        <translation>auth-provider 不能与 exec 插件同时使用</translation>
    </message>
    <message>
        <source>exec: the plugin is not used because %1 is set (as in kubectl)</source>
        <translation>exec：由于已设置 %1，不使用该插件（与 kubectl 行为一致）</translation>
    </message>
    <message>
        <source>exec: interactiveMode is Always, so the plugin needs a terminal, which Fission Desk does not have; set it to IfAvailable or Never</source>
        <translation>exec：interactiveMode 为 Always，因此插件需要终端，但 Fission Desk 没有终端；请将其设为 IfAvailable 或 Never</translation>
    </message>
    <message>
        <source>a mapping of lists</source>
        <translation>值为列表的映射</translation>
    </message>
    <message>
        <source>as-groups, as-uid or as-user-extra is set without as (the user to impersonate)</source>
        <translation>设置了 as-groups、as-uid 或 as-user-extra，但未设置 as（要伪装的用户）</translation>
    </message>
    <message>
        <source>the kubeconfig file given with --kubeconfig does not exist</source>
        <translation>--kubeconfig 指定的 kubeconfig 文件不存在</translation>
    </message>
    <message>
        <source>no kubeconfig: none of the files in KUBECONFIG exist (%1)</source>
        <translation>没有 kubeconfig：KUBECONFIG 中的文件均不存在（%1）</translation>
    </message>
    <message>
        <source>no kubeconfig: %1 does not exist and KUBECONFIG is not set</source>
        <translation>没有 kubeconfig：%1 不存在，且未设置 KUBECONFIG</translation>
    </message>
    <message>
        <source> (%1 could not be read completely and may define it)</source>
        <translation> （%1 未能完整读取，其中可能定义了它）</translation>
    </message>
    <message>
        <source>namespace %1 is not a valid namespace name (lower-case letters, digits and &apos;-&apos;, at most 63 characters)</source>
        <translation>命名空间 %1 不是有效的命名空间名称（只能包含小写字母、数字和 &apos;-&apos;，最多 63 个字符）</translation>
    </message>
    <message>
        <source>cluster was not specified</source>
        <translation>未指定集群</translation>
    </message>
    <message>
        <source>cluster %1 was not found</source>
        <translation>未找到集群 %1</translation>
    </message>
    <message>
        <source>user was not specified</source>
        <translation>未指定用户</translation>
    </message>
    <message>
        <source>exec: %1</source>
        <translation>exec：%1</translation>
    </message>
    <message>
        <source>user %1 was not found</source>
        <translation>未找到用户 %1</translation>
    </message>
    <message>
        <source>current-context %1 does not exist</source>
        <translation>current-context %1 不存在</translation>
    </message>
    <message>
        <source> (no context uses this entry)</source>
        <translation> （没有上下文使用此条目）</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>项 %1</translation>
    </message>
    <message>
        <source>item %1 of %2</source>
        <translation>%2 中的项 %1</translation>
    </message>
    <message>
        <source>Could not decode the list reply: %1</source>
        <translation>无法解码列表响应：%1</translation>
    </message>
    <message>
        <source>too large (%1 bytes)</source>
        <translation>过大（%1 字节）</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 必须是字符串</translation>
    </message>
    <message>
        <source>metadata is not valid JSON</source>
        <translation>metadata 不是有效的 JSON</translation>
    </message>
    <message>
        <source>metadata must be an object</source>
        <translation>metadata 必须是对象</translation>
    </message>
    <message>
        <source>metadata.resourceVersion must be a string</source>
        <translation>metadata.resourceVersion 必须是字符串</translation>
    </message>
    <message>
        <source>metadata.continue must be a string</source>
        <translation>metadata.continue 必须是字符串</translation>
    </message>
    <message>
        <source>metadata.remainingItemCount is not valid JSON</source>
        <translation>metadata.remainingItemCount 不是有效的 JSON</translation>
    </message>
    <message>
        <source>metadata.remainingItemCount must be a non-negative integer</source>
        <translation>metadata.remainingItemCount 必须是非负整数</translation>
    </message>
    <message>
        <source>items is not valid JSON</source>
        <translation>items 不是有效的 JSON</translation>
    </message>
    <message>
        <source>items must be an array</source>
        <translation>items 必须是数组</translation>
    </message>
    <message>
        <source>unexpected content after the list</source>
        <translation>列表之后有多余内容</translation>
    </message>
    <message>
        <source>the reply has no items (not a list)</source>
        <translation>响应中没有 items（不是列表）</translation>
    </message>
    <message>
        <source>The object is too large (%1 bytes).</source>
        <translation>对象过大（%1 字节）。</translation>
    </message>
    <message>
        <source>Could not decode the object: %1</source>
        <translation>无法解码对象：%1</translation>
    </message>
    <message>
        <source>Could not decode a watch event: %1</source>
        <translation>无法解码 watch 事件：%1</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>过大</translation>
    </message>
    <message>
        <source>type must be a string</source>
        <translation>type 必须是字符串</translation>
    </message>
    <message>
        <source>object: %1</source>
        <translation>object：%1</translation>
    </message>
    <message>
        <source>unexpected content after the event</source>
        <translation>事件之后有多余内容</translation>
    </message>
    <message>
        <source>no type</source>
        <translation>缺少 type</translation>
    </message>
    <message>
        <source>no object</source>
        <translation>缺少 object</translation>
    </message>
    <message>
        <source>unknown event type &quot;%1&quot;</source>
        <translation>未知的事件类型 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The server answered HTTP %1: %2</source>
        <translation>服务器返回 HTTP %1：%2</translation>
    </message>
    <message>
        <source>The server answered HTTP %1.</source>
        <translation>服务器返回 HTTP %1。</translation>
    </message>
    <message>
        <source>The server reported an error without details.</source>
        <translation>服务器报告了错误，但未提供详细信息。</translation>
    </message>
    <message>
        <source>A watch event is larger than %1 bytes.</source>
        <translation>watch 事件大于 %1 字节。</translation>
    </message>
    <message>
        <source>the client certificate is not a PEM certificate</source>
        <translation>客户端证书不是 PEM 证书</translation>
    </message>
    <message>
        <source>the client key does not load: %1</source>
        <translation>无法加载客户端密钥：%1</translation>
    </message>
    <message>
        <source>the client key is a %1 key; Qt&apos;s TLS supports RSA and EC client keys only</source>
        <translation>客户端密钥是 %1 密钥；Qt 的 TLS 仅支持 RSA 和 EC 客户端密钥</translation>
    </message>
    <message>
        <source>the %1 client key could not be loaded by the TLS library</source>
        <translation>TLS 库无法加载该 %1 客户端密钥</translation>
    </message>
    <message>
        <source>proxy %1: proxies reached over TLS (https://) are not supported; use http:// or socks5://</source>
        <translation>代理 %1：不支持通过 TLS（https://）连接的代理；请使用 http:// 或 socks5://</translation>
    </message>
    <message>
        <source>proxy %1: unsupported scheme &quot;%2&quot; (http:// or socks5://)</source>
        <translation>代理 %1：不支持的协议 &quot;%2&quot;（应为 http:// 或 socks5://）</translation>
    </message>
    <message>
        <source>proxy %1 names no host</source>
        <translation>代理 %1 未指定主机</translation>
    </message>
    <message>
        <source>cluster %1: server &quot;%2&quot; is not an http(s) URL</source>
        <translation>集群 %1：server &quot;%2&quot; 不是 http(s) URL</translation>
    </message>
    <message>
        <source>cluster %1: certificate-authority holds no PEM certificate</source>
        <translation>集群 %1：certificate-authority 中没有 PEM 证书</translation>
    </message>
    <message>
        <source>user %1: %2</source>
        <translation>用户 %1：%2</translation>
    </message>
    <message>
        <source>cluster %1: %2</source>
        <translation>集群 %1：%2</translation>
    </message>
    <message>
        <source>user %1: impersonating more than one group (as-groups) is not supported</source>
        <translation>用户 %1：不支持伪装为多个组（as-groups）</translation>
    </message>
    <message>
        <source>user %1: as-user-extra &quot;%2&quot; with more than one value is not supported</source>
        <translation>用户 %1：不支持含多个值的 as-user-extra &quot;%2&quot;</translation>
    </message>
    <message>
        <source>The server certificate of %1 is not verified (insecure-skip-tls-verify): anyone on the network path can read and change this connection.</source>
        <translation>未验证 %1 的服务器证书（insecure-skip-tls-verify）：网络路径上的任何人都可以读取和篡改此连接。</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s change history expired; reloading everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection dropped; reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is throttling requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the credentials were refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access denied by RBAC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the resource type or namespace does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updates stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reply is not readable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exec credential plugin of user %1 was stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discovery: %1 is not readable: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not serve the kind %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server does not serve the resource %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>context %1 has no usable cluster or user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 is not trusted (it is not signed by the cluster&apos;s certificate authority from the kubeconfig)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: host name mismatch: the certificate presented by %1 is not valid for the name that was checked (the server URL&apos;s host, or tls-server-name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 is not valid yet (check the clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 was rejected: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the handshake with %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stream from %1 stayed silent too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused an HTTP/2 stream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the handshake with %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy for %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to %1 timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request to %1 was aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error talking to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the log of pod %1/%2 keeps breaking off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the exec credential plugin returned an unusable client certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::kube::InformerSet</name>
    <message>
        <source>You may not list %1 in all namespaces; looking up your namespaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You may not list %1 in all namespaces: watching each of the %n namespace(s) you can see instead.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>You may neither list %1 in all namespaces nor list namespaces: watching the context&apos;s namespace and the configured ones (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fd::kube::Reflector</name>
    <message>
        <source>the watch-list ended before its initial-events-end bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the watch at once without events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
