<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliText</name>
    <message>
        <source>List the kubeconfig contexts and check that each one can be used</source>
        <translation>列出 kubeconfig 中的上下文，并检查每个上下文是否可用</translation>
    </message>
    <message>
        <source>Output format: table (default) or json.</source>
        <translation>输出格式：table（默认）或 json。</translation>
    </message>
    <message>
        <source>Read only this kubeconfig file (instead of KUBECONFIG or ~/.kube/config).</source>
        <translation>只读取此 kubeconfig 文件（而不是 KUBECONFIG 或 ~/.kube/config）。</translation>
    </message>
    <message>
        <source>Do not run exec credential plugins.</source>
        <translation>不运行 exec 凭据插件。</translation>
    </message>
    <message>
        <source>Timeout for each exec plugin, in seconds (default 30).</source>
        <translation>每个 exec 插件的超时时间，单位为秒（默认 30）。</translation>
    </message>
    <message>
        <source>Print every problem and warning.</source>
        <translation>输出所有问题和警告。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Run &apos;fission-desk-cli contexts --help&apos; for usage.</source>
        <translation>运行 &apos;fission-desk-cli contexts --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>unknown output format &quot;%1&quot; (use table or json)</source>
        <translation>未知的输出格式 &quot;%1&quot;（请使用 table 或 json）</translation>
    </message>
    <message>
        <source>--exec-timeout must be a number of seconds between 0 and 3600</source>
        <translation>--exec-timeout 必须是 0 到 3600 之间的秒数</translation>
    </message>
    <message>
        <source>--kubeconfig needs a file name</source>
        <translation>--kubeconfig 需要指定文件名</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>broken: %1</source>
        <translation>损坏：%1</translation>
    </message>
    <message>
        <source> (+%1 more)</source>
        <translation>（另有 %1 项）</translation>
    </message>
    <message>
        <source>the cluster or user could not be resolved</source>
        <translation>无法解析集群或用户</translation>
    </message>
    <message>
        <source>exec: credential ok (expires %1)</source>
        <translation>exec：凭据有效（%1 过期）</translation>
    </message>
    <message>
        <source>exec: credential ok (no expiry)</source>
        <translation>exec：凭据有效（无过期时间）</translation>
    </message>
    <message>
        <source>exec: %1</source>
        <translation>exec：%1</translation>
    </message>
    <message>
        <source>exec: not checked</source>
        <translation>exec：未检查</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>context %1: %2</source>
        <translation>上下文 %1：%2</translation>
    </message>
    <message>
        <source>no contexts in %1</source>
        <translation>%1 中没有上下文</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Namespaces (DNS-1123 labels).</source>
        <translation>命名空间（DNS-1123 标签）。</translation>
    </message>
    <message>
        <source>Run &apos;fission-desk-cli %1 --help&apos; for usage.</source>
        <translation>运行 &apos;fission-desk-cli %1 --help&apos; 查看用法。</translation>
    </message>
    <message>
        <source>name at least one namespace</source>
        <translation>请至少指定一个命名空间</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace name: %2</source>
        <translation>“%1”不是有效的命名空间名称：%2</translation>
    </message>
    <message>
        <source>no kubeconfig file found</source>
        <translation>未找到 kubeconfig 文件</translation>
    </message>
    <message>
        <source>the kubeconfig has no current context; choose one with --context</source>
        <translation>kubeconfig 没有当前上下文；请用 --context 选择一个</translation>
    </message>
    <message>
        <source>context &quot;%1&quot; is not in the kubeconfig</source>
        <translation>kubeconfig 中没有上下文“%1”</translation>
    </message>
    <message>
        <source>context &quot;%1&quot; cannot be used: %2</source>
        <translation>上下文“%1”无法使用：%2</translation>
    </message>
    <message>
        <source>reading the cluster timed out</source>
        <translation>读取集群超时</translation>
    </message>
    <message>
        <source>reading the cluster failed: %1</source>
        <translation>读取集群失败：%1</translation>
    </message>
    <message>
        <source>no Fission control plane was found in context &quot;%1&quot;</source>
        <translation>在上下文“%1”中未找到 Fission 控制平面</translation>
    </message>
    <message>
        <source>the Helm release of the Fission install in namespace %1 was not found</source>
        <translation>未找到命名空间 %1 中 Fission 安装的 Helm 发布</translation>
    </message>
    <message>
        <source>planning timed out</source>
        <translation>计划超时</translation>
    </message>
    <message>
        <source>(unset)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Workloads that restart (%1):</source>
        <translation>将重启的工作负载（%1）：</translation>
    </message>
    <message>
        <source>(created)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（删除）</translation>
    </message>
    <message>
        <source>RBAC changes (%1):</source>
        <translation>RBAC 变更（%1）：</translation>
    </message>
    <message>
        <source>Hooks that run:</source>
        <translation>将运行的钩子：</translation>
    </message>
    <message>
        <source>Function pods recycled: %1 of %2</source>
        <translation>将被回收的函数 Pod：%1 / %2</translation>
    </message>
    <message>
        <source>Context %1: Fission release %2 in namespace %3, revision %4, chart %5-%6</source>
        <translation>上下文 %1：Fission 发布 %2，位于命名空间 %3，修订版本 %4，chart %5-%6</translation>
    </message>
    <message>
        <source>Onboarding needs a Helm upgrade that restarts the control plane.</source>
        <translation>纳管需要一次 Helm 升级，控制平面将重启。</translation>
    </message>
    <message>
        <source>additionalFissionNamespaces: [%1] -&gt; [%2]</source>
        <translation>additionalFissionNamespaces：[%1] -&gt; [%2]</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>无需更改。</translation>
    </message>
    <message>
        <source>Precondition: namespace %1 does not exist; it will be created first.</source>
        <translation>前提条件：命名空间 %1 不存在；将先创建它。</translation>
    </message>
    <message>
        <source>Alternative (--adopt): the same with executor.adoptExistingResources: true</source>
        <translation>替代方案（--adopt）：相同变更，并设置 executor.adoptExistingResources: true</translation>
    </message>
    <message>
        <source>Context %1: tenancy %2; onboarding creates a FissionTenant, nothing restarts.</source>
        <translation>上下文 %1：租户模式 %2；纳管会创建 FissionTenant，不会重启任何组件。</translation>
    </message>
    <message>
        <source>FissionTenant %1 (namespace %2)</source>
        <translation>FissionTenant %1（命名空间 %2）</translation>
    </message>
    <message>
        <source>(the namespace is created first)</source>
        <translation>（先创建该命名空间）</translation>
    </message>
    <message>
        <source>--adopt: the chart has no executor.adoptExistingResources, or the values already set it</source>
        <translation>--adopt：chart 没有 executor.adoptExistingResources，或值中已设置</translation>
    </message>
    <message>
        <source>Upgrade release %1 now? The control plane restarts.</source>
        <translation>现在升级发布 %1 吗？控制平面将重启。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>Namespaces %1 and everything in them will be deleted. Type their names (separated by spaces) to confirm:</source>
        <translation>命名空间 %1 及其中的所有内容将被删除。请输入它们的名称（以空格分隔）以确认：</translation>
    </message>
    <message>
        <source>The release is left at revision %1 (%2). Roll back to revision %3?</source>
        <translation>发布停留在修订版本 %1（%2）。回滚到修订版本 %3 吗？</translation>
    </message>
    <message>
        <source>To roll back: helm rollback %1 %2 -n %3</source>
        <translation>回滚方法：helm rollback %1 %2 -n %3</translation>
    </message>
    <message>
        <source>Apply these changes?</source>
        <translation>应用这些更改吗？</translation>
    </message>
    <message>
        <source>The kubeconfig context (default: the current one).</source>
        <translation>kubeconfig 上下文（默认：当前上下文）。</translation>
    </message>
    <message>
        <source>Upgrade with this chart (directory, archive or reference) instead of the chart stored in the release.</source>
        <translation>使用此 chart（目录、归档或引用）升级，而不是发布中存储的 chart。</translation>
    </message>
    <message>
        <source>The helm binary to run (default: helm on PATH).</source>
        <translation>要运行的 helm 程序（默认：PATH 中的 helm）。</translation>
    </message>
    <message>
        <source>Show what onboarding namespaces would change (nothing is changed)</source>
        <translation>显示纳管命名空间会带来的变更（不做任何更改）</translation>
    </message>
    <message>
        <source>Plan removing the namespaces instead of adding them.</source>
        <translation>计划移除这些命名空间，而不是添加。</translation>
    </message>
    <message>
        <source>Make Fission serve namespaces (Helm upgrade or FissionTenants)</source>
        <translation>让 Fission 服务这些命名空间（Helm 升级或 FissionTenant）</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>不要求确认。</translation>
    </message>
    <message>
        <source>Also set executor.adoptExistingResources: true so function pods survive the restart.</source>
        <translation>同时设置 executor.adoptExistingResources: true，使函数 Pod 在重启后保留。</translation>
    </message>
    <message>
        <source>Fail instead of creating namespaces that do not exist.</source>
        <translation>命名空间不存在时报错，而不是创建它。</translation>
    </message>
    <message>
        <source>-o json needs --yes (there is no prompt in JSON mode)</source>
        <translation>-o json 需要 --yes（JSON 模式下没有确认提示）</translation>
    </message>
    <message>
        <source>Stop Fission serving namespaces, optionally deleting them</source>
        <translation>让 Fission 停止服务这些命名空间，并可选择删除它们</translation>
    </message>
    <message>
        <source>Delete the namespaces and everything in them afterwards.</source>
        <translation>随后删除这些命名空间及其中的所有内容。</translation>
    </message>
    <message>
        <source>Offboard although functions remain in the namespace.</source>
        <translation>即使命名空间中仍有函数也执行移除。</translation>
    </message>
    <message>
        <source>The kubeconfig context to use (default: the current context).</source>
        <translation>要使用的 kubeconfig 上下文（默认：当前上下文）。</translation>
    </message>
    <message>
        <source>Seconds to wait for the cluster to be fully synced (default 30).</source>
        <translation>等待集群完全同步的秒数（默认 30）。</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds between 0 and 3600</source>
        <translation>--timeout 必须是 0 到 3600 之间的秒数</translation>
    </message>
    <message>
        <source>--context needs a context name</source>
        <translation>--context 需要一个上下文名称</translation>
    </message>
    <message>
        <source>no kubeconfig found</source>
        <translation>未找到 kubeconfig</translation>
    </message>
    <message>
        <source>no context &quot;%1&quot; in the kubeconfig</source>
        <translation>kubeconfig 中没有上下文“%1”</translation>
    </message>
    <message>
        <source>cannot use context &quot;%1&quot;: %2</source>
        <translation>无法使用上下文“%1”：%2</translation>
    </message>
    <message>
        <source>the API server has not answered yet</source>
        <translation>API 服务器尚未应答</translation>
    </message>
    <message>
        <source>context &quot;%1&quot; was not fully synced after %2 s: %3</source>
        <translation>上下文“%1”在 %2 秒后仍未完全同步：%3</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Describe one tenant: describe tenant NAMESPACE</source>
        <translation>描述一个租户：describe tenant 命名空间</translation>
    </message>
    <message>
        <source>What to describe (only &quot;tenant&quot; for now).</source>
        <translation>要描述的对象（目前仅支持“tenant”）。</translation>
    </message>
    <message>
        <source>The tenant&apos;s namespace.</source>
        <translation>租户的命名空间。</translation>
    </message>
    <message>
        <source>expected: describe tenant NAMESPACE</source>
        <translation>用法：describe tenant 命名空间</translation>
    </message>
    <message>
        <source>namespace &quot;%1&quot; is no Fission tenant in context &quot;%2&quot; (it holds no Fission objects, and Fission neither watches it nor has a FissionTenant for it)</source>
        <translation>命名空间“%1”在上下文“%2”中不是 Fission 租户（其中没有 Fission 对象，Fission 既不监视它，也没有对应的 FissionTenant）</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>命名空间：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Install:</source>
        <translation>安装：</translation>
    </message>
    <message>
        <source>Watched by Fission:</source>
        <translation>受 Fission 监视：</translation>
    </message>
    <message>
        <source>Served by:</source>
        <translation>服务组件：</translation>
    </message>
    <message>
        <source>Not watched by:</source>
        <translation>未监视的组件：</translation>
    </message>
    <message>
        <source>Via FissionTenant:</source>
        <translation>通过 FissionTenant：</translation>
    </message>
    <message>
        <source>FissionTenants:</source>
        <translation>FissionTenant：</translation>
    </message>
    <message>
        <source>Label fission.io/enabled:</source>
        <translation>标签 fission.io/enabled：</translation>
    </message>
    <message>
        <source>Namespace exists:</source>
        <translation>命名空间存在：</translation>
    </message>
    <message>
        <source>Objects:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No findings about this tenant.</source>
        <translation>此租户没有诊断结果。</translation>
    </message>
    <message>
        <source>Findings:</source>
        <translation>诊断结果：</translation>
    </message>
    <message>
        <source>symptom %1: %2</source>
        <translation>症状 %1：%2</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>修复：%1</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>SEVERITY</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>SUBJECT</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>标题</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s): </source>
        <translation>
            <numerusform>%n 条诊断结果：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s), %3 informational</source>
        <translation>%1 个错误，%2 个警告，%3 条提示</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Diagnose the cluster&apos;s Fission install and tenants (exit 1 when something is wrong)</source>
        <translation>诊断集群的 Fission 安装和租户（发现问题时退出码为 1）</translation>
    </message>
    <message>
        <source>Keep running and print findings as they appear, change and resolve, until interrupted.</source>
        <translation>持续运行，在诊断结果出现、变化和解决时输出，直到被中断。</translation>
    </message>
    <message>
        <source>Fission install unknown: %1</source>
        <translation>Fission 安装情况未知：%1</translation>
    </message>
    <message>
        <source>No Fission control plane found (the Fission CRDs are installed)</source>
        <translation>未找到 Fission 控制平面（Fission CRD 已安装）</translation>
    </message>
    <message>
        <source>No Fission control plane found</source>
        <translation>未找到 Fission 控制平面</translation>
    </message>
    <message>
        <source>Fission %1 (%2) in namespace %3</source>
        <translation>Fission %1（%2），位于命名空间 %3</translation>
    </message>
    <message>
        <source>of unknown version</source>
        <translation>版本未知</translation>
    </message>
    <message>
        <source>List the cluster&apos;s Fission tenants (namespaces) and whether Fission serves them</source>
        <translation>列出集群的 Fission 租户（命名空间）以及 Fission 是否为其提供服务</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ENVIRONMENTS</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>PACKAGES</source>
        <translation>包</translation>
    </message>
    <message>
        <source>FUNCTIONS</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>TRIGGERS</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>not watched by: %1</source>
        <translation>未被以下组件监视：%1</translation>
    </message>
    <message>
        <source>FissionTenant: %1</source>
        <translation>FissionTenant：%1</translation>
    </message>
    <message>
        <source>No tenants.</source>
        <translation>没有租户。</translation>
    </message>
    <message>
        <source>Print or follow the logs of a function, package build, environment, tenant, the control plane or a pod</source>
        <translation>输出或跟踪函数、包构建、环境、租户、控制平面或 Pod 的日志</translation>
    </message>
    <message>
        <source>fn, pkg, env, tenant, controlplane or pod</source>
        <translation>fn、pkg、env、tenant、controlplane 或 pod</translation>
    </message>
    <message>
        <source>The object&apos;s name (controlplane: the release namespace, optional)</source>
        <translation>对象名称（controlplane：发布所在的命名空间，可选）</translation>
    </message>
    <message>
        <source>The object&apos;s namespace (default: default).</source>
        <translation>对象所在的命名空间（默认：default）。</translation>
    </message>
    <message>
        <source>Keep following new lines and new pods until interrupted.</source>
        <translation>持续跟踪新的日志行和新的 Pod，直到被中断。</translation>
    </message>
    <message>
        <source>Only lines newer than a duration (30s, 5m, 2h, 1d) or an RFC 3339 time.</source>
        <translation>只显示比指定时长（30s、5m、2h、1d）或 RFC 3339 时间更新的日志行。</translation>
    </message>
    <message>
        <source>Only lines matching this regular expression.</source>
        <translation>只显示匹配此正则表达式的日志行。</translation>
    </message>
    <message>
        <source>--since needs a duration (30s, 5m, 2h, 1d) or an RFC 3339 time</source>
        <translation>--since 需要一个时长（30s、5m、2h、1d）或 RFC 3339 时间</translation>
    </message>
    <message>
        <source>invalid --grep pattern: %1</source>
        <translation>无效的 --grep 模式：%1</translation>
    </message>
    <message>
        <source>the cluster connection cannot follow logs</source>
        <translation>该集群连接无法跟踪日志</translation>
    </message>
    <message>
        <source>The previous instance&apos;s log of each restarted container (not with -f).</source>
        <translation>输出每个已重启容器上一个实例的日志（不能与 -f 同时使用）。</translation>
    </message>
    <message>
        <source>usage: logs (fn|pkg|env|tenant|controlplane|pod) NAME [-n NS] [-f | -p] [--since D] [--grep RE]</source>
        <translation>用法：logs (fn|pkg|env|tenant|controlplane|pod) 名称 [-n 命名空间] [-f | -p] [--since 时长] [--grep 正则]</translation>
    </message>
    <message>
        <source>offboard %1 in context %2</source>
        <translation>退出 %1（上下文 %2）</translation>
    </message>
    <message>
        <source>Dynamic tenancy: label the namespaces fission.io/enabled=true instead of creating FissionTenants (the tenant controller creates them).</source>
        <translation>动态租户模式：为命名空间添加标签 fission.io/enabled=true，而不是创建 FissionTenant（由租户控制器创建）。</translation>
    </message>
    <message>
        <source>onboard %1 in context %2</source>
        <translation>纳管 %1（上下文 %2）</translation>
    </message>
    <message>
        <source>--label: only clusters in dynamic tenancy mode onboard by label</source>
        <translation>--label：只有动态租户模式的集群才能通过标签纳管</translation>
    </message>
    <message>
        <source>--label: this cluster reads its namespaces from the Helm values; onboarding is a Helm upgrade</source>
        <translation>--label：此集群从 Helm values 读取命名空间；纳管需要一次 Helm 升级</translation>
    </message>
    <message>
        <source>--at needs --yes (nobody answers a prompt at that time)</source>
        <translation>--at 需要 --yes（到时没有人回答提示）</translation>
    </message>
    <message>
        <source>--at: %1</source>
        <translation>--at：%1</translation>
    </message>
    <message>
        <source>Waiting until %1 (%2 local time) to %3…</source>
        <translation>等待至 %1（本地时间 %2）后执行：%3…</translation>
    </message>
    <message>
        <source>It is %1: starting.</source>
        <translation>现在是 %1：开始执行。</translation>
    </message>
    <message>
        <source>label namespace %1 fission.io/enabled=true (the controller creates FissionTenant %2)</source>
        <translation>为命名空间 %1 添加标签 fission.io/enabled=true（控制器会创建 FissionTenant %2）</translation>
    </message>
    <message>
        <source>remove the opt-out label fission.io/enabled=false from namespace %1</source>
        <translation>从命名空间 %1 移除退出标签 fission.io/enabled=false</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Wait until TIME, then plan and run (needs --yes). TIME: an ISO 8601 date-time (local unless it has an offset) or HH:MM (local, today or tomorrow).</source>
        <translation>等到 TIME 再规划并执行（需要 --yes）。TIME：ISO 8601 日期时间（不带时区偏移时为本地时间）或 HH:MM（本地时间，今天或明天）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fission Desk</source>
        <translation>Fission Desk</translation>
    </message>
    <message>
        <source>Filter by name, kind or status (Ctrl+F)</source>
        <translation>按名称、类型或状态筛选 (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>OnboardingText</name>
    <message>
        <source>image of %1: %2 -&gt; %3</source>
        <translation>%1 的镜像：%2 -&gt; %3</translation>
    </message>
    <message>
        <source>pod template annotation %1</source>
        <translation>Pod 模板注解 %1</translation>
    </message>
    <message>
        <source>rendered manifest %1: line %2: %3</source>
        <translation>渲染的清单 %1：第 %2 行：%3</translation>
    </message>
    <message>
        <source>rendered manifest %1: a document is not an object</source>
        <translation>渲染的清单 %1：某个文档不是对象</translation>
    </message>
    <message>
        <source>no namespace given</source>
        <translation>未指定命名空间</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace name: %2</source>
        <translation>“%1”不是有效的命名空间名称：%2</translation>
    </message>
    <message>
        <source>namespace %1 is both added and removed</source>
        <translation>命名空间 %1 同时被添加和移除</translation>
    </message>
    <message>
        <source>no Fission control plane was found in this cluster</source>
        <translation>在此集群中未找到 Fission 控制平面</translation>
    </message>
    <message>
        <source>this Fission install onboards namespaces with FissionTenants (tenancy %1), not with Helm values</source>
        <translation>此 Fission 安装通过 FissionTenant（租户模式 %1）纳管命名空间，而不是通过 Helm 值</translation>
    </message>
    <message>
        <source>the Helm release of the Fission install was not found</source>
        <translation>未找到 Fission 安装的 Helm 发布</translation>
    </message>
    <message>
        <source>cannot create a temporary directory: %1</source>
        <translation>无法创建临时目录：%1</translation>
    </message>
    <message>
        <source>the chart cannot be rebuilt from release %1: %2</source>
        <translation>无法从发布 %1 重建 chart：%2</translation>
    </message>
    <message>
        <source>the chart %1-%2 is not the deployed chart %3-%4: the upgrade changes more than the namespaces</source>
        <translation>chart %1-%2 不是已部署的 chart %3-%4：此次升级的变更不止命名空间</translation>
    </message>
    <message>
        <source>the chart comes from %1, not from the release; it has the deployed chart&apos;s name and version</source>
        <translation>chart 来自 %1，而不是来自发布；它与已部署 chart 的名称和版本相同</translation>
    </message>
    <message>
        <source>the chart %1 is not the one stored in the release; its templates may differ</source>
        <translation>chart %1 不是发布中存储的 chart；其模板可能不同</translation>
    </message>
    <message>
        <source>%1 is the default namespace (defaultNamespace); it cannot be removed from the list</source>
        <translation>%1 是默认命名空间（defaultNamespace）；不能从列表中移除</translation>
    </message>
    <message>
        <source>%1 is not in additionalFissionNamespaces; nothing to remove</source>
        <translation>%1 不在 additionalFissionNamespaces 中；无需移除</translation>
    </message>
    <message>
        <source>%1 is already watched</source>
        <translation>%1 已被监视</translation>
    </message>
    <message>
        <source>%1 is the release namespace of Fission; it cannot be a tenant</source>
        <translation>%1 是 Fission 的发布命名空间；不能作为租户</translation>
    </message>
    <message>
        <source>values line %1: %2</source>
        <translation>值第 %1 行：%2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Rendering the chart with helm template</source>
        <translation>正在用 helm template 渲染 chart</translation>
    </message>
    <message>
        <source>the variant with adoptExistingResources could not be rendered: %1</source>
        <translation>无法渲染带 adoptExistingResources 的方案：%1</translation>
    </message>
    <message>
        <source>Reading the live control plane</source>
        <translation>正在读取运行中的控制平面</translation>
    </message>
    <message>
        <source>reading the cluster failed: %1</source>
        <translation>读取集群失败：%1</translation>
    </message>
    <message>
        <source>the deployed manifest could not be read: %1</source>
        <translation>无法读取已部署的清单：%1</translation>
    </message>
    <message>
        <source>release %1 has no stored revisions in namespace %2</source>
        <translation>发布 %1 在命名空间 %2 中没有存储的修订版本</translation>
    </message>
    <message>
        <source>Check that release %1 is still at revision %2</source>
        <translation>检查发布 %1 是否仍处于修订版本 %2</translation>
    </message>
    <message>
        <source>Create namespace %1</source>
        <translation>创建命名空间 %1</translation>
    </message>
    <message>
        <source>helm upgrade %1 (namespaces: %2)</source>
        <translation>helm upgrade %1（命名空间：%2）</translation>
    </message>
    <message numerus="yes">
        <source>Follow the rollout of %n workload(s)</source>
        <translation>
            <numerusform>跟踪 %n 个工作负载的滚动更新</numerusform>
        </translation>
    </message>
    <message>
        <source>Verify that the control plane watches the new namespace set</source>
        <translation>验证控制平面是否监视新的命名空间集合</translation>
    </message>
    <message>
        <source>Delete namespace %1</source>
        <translation>删除命名空间 %1</translation>
    </message>
    <message>
        <source>Roll back to revision %1 (only after a failure)</source>
        <translation>回滚到修订版本 %1（仅在失败后）</translation>
    </message>
    <message>
        <source>the plan has no variant with adoptExistingResources</source>
        <translation>该计划没有带 adoptExistingResources 的方案</translation>
    </message>
    <message>
        <source>revision %1 is %2: another helm operation runs or crashed; roll it back first</source>
        <translation>修订版本 %1 处于 %2：另一个 helm 操作正在运行或已崩溃；请先回滚</translation>
    </message>
    <message>
        <source>the release changed since the plan (revision %1, planned from %2): plan again so that no one else&apos;s change is undone</source>
        <translation>自计划以来发布已变更（修订版本 %1，计划基于 %2）：请重新计划，以免撤销他人的更改</translation>
    </message>
    <message>
        <source>revision %1 (%2)</source>
        <translation>修订版本 %1（%2）</translation>
    </message>
    <message>
        <source>namespace %1 does not exist: the chart writes Roles into it and the upgrade would fail</source>
        <translation>命名空间 %1 不存在：chart 会向其中写入 Role，升级将失败</translation>
    </message>
    <message>
        <source>creating namespace %1 failed: %2</source>
        <translation>创建命名空间 %1 失败：%2</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>exists already</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Fission Desk: namespaces %1</source>
        <translation>Fission Desk：命名空间 %1</translation>
    </message>
    <message>
        <source>running helm upgrade</source>
        <translation>正在运行 helm upgrade</translation>
    </message>
    <message>
        <source>revision %1 %2</source>
        <translation>修订版本 %1 %2</translation>
    </message>
    <message>
        <source>upgraded</source>
        <translation>已升级</translation>
    </message>
    <message>
        <source>helm upgrade failed: %1</source>
        <translation>helm upgrade 失败：%1</translation>
    </message>
    <message>
        <source>Revision %1 is %2; roll back to revision %3 to restore the previous state.</source>
        <translation>修订版本 %1 处于 %2；回滚到修订版本 %3 以恢复之前的状态。</translation>
    </message>
    <message>
        <source>nothing rolls</source>
        <translation>没有需要滚动更新的工作负载</translation>
    </message>
    <message>
        <source>the rollout did not finish in time</source>
        <translation>滚动更新未能及时完成</translation>
    </message>
    <message>
        <source>%1 did not roll out: its progress deadline was exceeded</source>
        <translation>%1 未完成滚动更新：已超过其进度期限</translation>
    </message>
    <message>
        <source>%1 of %2 rolled out</source>
        <translation>已完成 %1 / %2 个滚动更新</translation>
    </message>
    <message>
        <source>the control plane does not watch the new set in time</source>
        <translation>控制平面未能及时监视新的集合</translation>
    </message>
    <message>
        <source>%1 template watches %2</source>
        <translation>%1 的模板监视 %2</translation>
    </message>
    <message>
        <source>pod %1 still runs the old namespace list</source>
        <translation>Pod %1 仍在使用旧的命名空间列表</translation>
    </message>
    <message>
        <source>%1 has no ready pod</source>
        <translation>%1 没有就绪的 Pod</translation>
    </message>
    <message>
        <source>no control-plane Deployment reads the namespace list</source>
        <translation>没有控制平面 Deployment 读取命名空间列表</translation>
    </message>
    <message numerus="yes">
        <source>%n Deployment(s) watch the new set</source>
        <translation>
            <numerusform>%n 个 Deployment 监视新的集合</numerusform>
        </translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <source>deleting namespace %1 failed: %2</source>
        <translation>删除命名空间 %1 失败：%2</translation>
    </message>
    <message>
        <source>namespace %1 is still terminating</source>
        <translation>命名空间 %1 仍在终止中</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>running helm rollback</source>
        <translation>正在运行 helm rollback</translation>
    </message>
    <message>
        <source>helm rollback failed: %1</source>
        <translation>helm rollback 失败：%1</translation>
    </message>
    <message>
        <source>revision %1 restores the values of revision %2</source>
        <translation>修订版本 %1 恢复了修订版本 %2 的值</translation>
    </message>
    <message>
        <source>the rollback finished, but the release does not show the values of revision %1</source>
        <translation>回滚已完成，但发布未显示修订版本 %1 的值</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>waiting for the deletion to finish</source>
        <translation>正在等待删除完成</translation>
    </message>
    <message>
        <source>waiting for finalizers: %1</source>
        <translation>正在等待 finalizer：%1</translation>
    </message>
    <message>
        <source>%1 already has FissionTenant %2</source>
        <translation>%1 已有 FissionTenant %2</translation>
    </message>
    <message>
        <source>no FissionTenant names namespace %1</source>
        <translation>没有 FissionTenant 指向命名空间 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n function(s) in %1 will no longer be served</source>
        <translation>
            <numerusform>%1 中的 %n 个函数将不再被服务</numerusform>
        </translation>
    </message>
    <message>
        <source>namespace %1 does not exist</source>
        <translation>命名空间 %1 不存在</translation>
    </message>
    <message>
        <source>Create FissionTenant %1</source>
        <translation>创建 FissionTenant %1</translation>
    </message>
    <message>
        <source>creating FissionTenant %1 failed: %2</source>
        <translation>创建 FissionTenant %1 失败：%2</translation>
    </message>
    <message>
        <source>Wait until FissionTenant %1 is Ready</source>
        <translation>等待 FissionTenant %1 就绪</translation>
    </message>
    <message>
        <source>FissionTenant %1 did not become Ready in time</source>
        <translation>FissionTenant %1 未能及时就绪</translation>
    </message>
    <message>
        <source>no conditions yet</source>
        <translation>尚无状况</translation>
    </message>
    <message>
        <source>Delete FissionTenant %1</source>
        <translation>删除 FissionTenant %1</translation>
    </message>
    <message numerus="yes">
        <source>%n function(s) remain in %1 and would stop being served; delete them or force</source>
        <translation>
            <numerusform>%1 中仍有 %n 个函数，它们将不再被服务；请删除它们或强制执行</numerusform>
        </translation>
    </message>
    <message>
        <source>deleting FissionTenant %1 failed: %2</source>
        <translation>删除 FissionTenant %1 失败：%2</translation>
    </message>
    <message>
        <source>FissionTenant %1 is still being deleted</source>
        <translation>FissionTenant %1 仍在删除中</translation>
    </message>
    <message numerus="yes">
        <source>literal, about %n byte(s) in the Package</source>
        <translation>
            <numerusform>内联，包中约 %n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Archives (package contents)</source>
        <translation>归档（包内容）</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Config maps</source>
        <translation>ConfigMap</translation>
    </message>
    <message>
        <source>no edited values given</source>
        <translation>未提供编辑后的值</translation>
    </message>
    <message>
        <source>The maintenance queue %1 cannot be read: %2</source>
        <translation>维护队列 %1 无法读取：%2</translation>
    </message>
    <message>
        <source>The maintenance queue %1 was not readable and was moved to %2.</source>
        <translation>维护队列 %1 无法读取，已移至 %2。</translation>
    </message>
    <message>
        <source>The maintenance queue cannot be saved to %1: %2</source>
        <translation>维护队列无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>no cluster context given</source>
        <translation>未指定集群上下文</translation>
    </message>
    <message>
        <source>namespace %1 is named twice</source>
        <translation>命名空间 %1 被指定了两次</translation>
    </message>
    <message>
        <source>namespace %1 is queued to be added; it cannot also be removed in the same batch</source>
        <translation>命名空间 %1 已排队等待添加，不能在同一批次中再移除</translation>
    </message>
    <message>
        <source>namespace %1 is already queued for %2</source>
        <translation>命名空间 %1 已在 %2 的队列中</translation>
    </message>
    <message>
        <source>namespace %1 is queued to be removed; it cannot also be added in the same batch</source>
        <translation>命名空间 %1 已排队等待移除，不能在同一批次中再添加</translation>
    </message>
    <message>
        <source>nothing is queued for %1</source>
        <translation>%1 的队列为空</translation>
    </message>
    <message>
        <source>no valid time given</source>
        <translation>未给出有效时间</translation>
    </message>
    <message>
        <source>%1 is in the past</source>
        <translation>%1 已经过去</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time: use an ISO 8601 date-time (2026-05-01T02:00, local time unless it has an offset) or HH:MM</source>
        <translation>“%1”不是时间：请使用 ISO 8601 日期时间（2026-05-01T02:00，不带时区偏移时为本地时间）或 HH:MM</translation>
    </message>
    <message>
        <source>%1 is opted out with the label fission.io/enabled=false: onboarding removes that label, and the tenant controller then creates its FissionTenant</source>
        <translation>%1 带有退出标签 fission.io/enabled=false：纳管会移除该标签，随后租户控制器会为其创建 FissionTenant</translation>
    </message>
    <message>
        <source>%1 is labelled fission.io/enabled=true; the tenant controller creates its FissionTenant (removing the label later does not offboard it)</source>
        <translation>%1 被加上标签 fission.io/enabled=true；租户控制器会创建它的 FissionTenant（之后移除标签不会使其退出）</translation>
    </message>
    <message>
        <source>Label namespace %1 fission.io/enabled=true</source>
        <translation>为命名空间 %1 添加标签 fission.io/enabled=true</translation>
    </message>
    <message>
        <source>Remove the label fission.io/enabled=false from namespace %1</source>
        <translation>从命名空间 %1 移除标签 fission.io/enabled=false</translation>
    </message>
    <message>
        <source>changing the labels of namespace %1 failed: %2</source>
        <translation>修改命名空间 %1 的标签失败：%2</translation>
    </message>
    <message>
        <source>labelled</source>
        <translation>已添加标签</translation>
    </message>
    <message>
        <source>label removed</source>
        <translation>已移除标签</translation>
    </message>
    <message>
        <source>waiting for the tenant controller to create FissionTenant %1</source>
        <translation>正在等待租户控制器创建 FissionTenant %1</translation>
    </message>
</context>
<context>
    <name>fd::app</name>
    <message>
        <source>Start the built-in demo clusters (an in-process emulator).</source>
        <translation>启动内置的演示集群（进程内模拟器）。</translation>
    </message>
    <message>
        <source>Read this kubeconfig file.</source>
        <translation>读取此 kubeconfig 文件。</translation>
    </message>
    <message>
        <source>Use this language, e.g. zh_CN or en.</source>
        <translation>使用此语言，例如 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Select this item once it is loaded: CONTEXT, CONTEXT/NAMESPACE or CONTEXT/NAMESPACE/KIND/NAME.</source>
        <translation>加载后选中此项：CONTEXT、CONTEXT/NAMESPACE 或 CONTEXT/NAMESPACE/KIND/NAME。</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>The demo clusters could not start: %1</source>
        <translation>演示集群无法启动：%1</translation>
    </message>
    <message>
        <source>&amp;Maintenance queue…</source>
        <translation>维护队列(&amp;M)…</translation>
    </message>
    <message>
        <source>Maintenance queue</source>
        <translation>维护队列</translation>
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
</context>
<context>
    <name>fd::engine</name>
    <message>
        <source>The kubeconfig entry cannot be used: %1. Fix the kubeconfig, then refresh (F5).</source>
        <translation>无法使用该 kubeconfig 条目：%1。请修正 kubeconfig，然后刷新（F5）。</translation>
    </message>
    <message>
        <source>The cluster&apos;s TLS certificate was rejected: %1. Check the cluster&apos;s certificate-authority in the kubeconfig (or the server address), then refresh (F5).</source>
        <translation>集群的 TLS 证书被拒绝：%1。请检查 kubeconfig 中集群的 certificate-authority（或服务器地址），然后刷新（F5）。</translation>
    </message>
    <message>
        <source>The cluster rejected the credentials: %1. Log in again or update the kubeconfig user, then refresh (F5).</source>
        <translation>集群拒绝了凭据：%1。请重新登录或更新 kubeconfig 用户，然后刷新（F5）。</translation>
    </message>
    <message>
        <source>The server&apos;s name is unknown: %1. Check the server address in the kubeconfig, your DNS or VPN, then refresh (F5).</source>
        <translation>无法解析服务器名称：%1。请检查 kubeconfig 中的服务器地址、DNS 或 VPN，然后刷新（F5）。</translation>
    </message>
    <message>
        <source>This cluster is not connected: its kubeconfig entry cannot be used.</source>
        <translation>此集群未连接：其 kubeconfig 条目无法使用。</translation>
    </message>
    <message>
        <source>The kubeconfig entry of this context cannot be used.</source>
        <translation>此上下文的 kubeconfig 条目无法使用。</translation>
    </message>
    <message>
        <source>Unknown kind %1: cannot remove its finalizers.</source>
        <translation>未知类型 %1：无法移除其 finalizer。</translation>
    </message>
    <message>
        <source>Onboarding is not handled here: no onboarding module is connected.</source>
        <translation>此处不处理租户纳管：未连接纳管模块。</translation>
    </message>
    <message>
        <source>This fix is not run by the cluster session: %1</source>
        <translation>此修复不由集群会话执行：%1</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Unknown demo profile &quot;%1&quot;.</source>
        <translation>未知的演示配置“%1”。</translation>
    </message>
    <message>
        <source>The demo cluster &quot;%1&quot; did not start: %2</source>
        <translation>演示集群“%1”未能启动：%2</translation>
    </message>
    <message>
        <source>%1 was changed by someone else since it was loaded. Reload it and apply your changes again; your edits are kept.</source>
        <translation>%1 在加载后已被他人修改。请重新加载并再次应用您的修改；您的编辑内容已保留。</translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation>%1 已存在。</translation>
    </message>
    <message>
        <source>%1 does not exist (any more): %2</source>
        <translation>%1 不存在（或已被删除）：%2</translation>
    </message>
    <message>
        <source>You are not allowed to change %1: %2</source>
        <translation>您无权修改 %1：%2</translation>
    </message>
    <message>
        <source>The cluster rejected the credentials while changing %1: %2</source>
        <translation>修改 %1 时集群拒绝了凭据：%2</translation>
    </message>
    <message>
        <source>The cluster refused %1 as invalid: %2</source>
        <translation>集群认为 %1 无效而拒绝：%2</translation>
    </message>
    <message>
        <source>Could not change %1: %2</source>
        <translation>无法修改 %1：%2</translation>
    </message>
    <message>
        <source>The cluster does not serve %1: %2</source>
        <translation>集群不提供 %1：%2</translation>
    </message>
    <message>
        <source>The object needs apiVersion, kind and metadata.name.</source>
        <translation>对象需要 apiVersion、kind 和 metadata.name。</translation>
    </message>
    <message>
        <source>The cluster does not serve the kind %1: %2</source>
        <translation>集群不提供类型 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not in failed state (build status &quot;%2&quot;): only failed packages are rebuilt.</source>
        <translation>%1 不处于失败状态（构建状态“%2”）：只有失败的包才会重新构建。</translation>
    </message>
    <message>
        <source>%1: rebuild requested.</source>
        <translation>%1：已请求重新构建。</translation>
    </message>
    <message>
        <source>%1 needs a namespace.</source>
        <translation>%1 需要一个命名空间。</translation>
    </message>
    <message>
        <source>%1 created.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>%1 saved.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>%1 is being deleted.</source>
        <translation>正在删除 %1。</translation>
    </message>
    <message>
        <source>Finalizers removed from %1.</source>
        <translation>已从 %1 移除 finalizer。</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Catching up with the cluster.</source>
        <translation>正在与集群同步。</translation>
    </message>
    <message>
        <source>Cannot reach the cluster: %1. Retrying in %2 s.</source>
        <translation>无法连接集群：%1。%2 秒后重试。</translation>
    </message>
    <message>
        <source>cannot list the pods of this log: %1</source>
        <translation>无法列出此日志的 Pod：%1</translation>
    </message>
    <message>
        <source>log stream interrupted, lines may be missing: %1</source>
        <translation>日志流中断，可能缺少部分日志行：%1</translation>
    </message>
    <message>
        <source>cannot read the log of %1/%2: %3</source>
        <translation>无法读取 %1/%2 的日志：%3</translation>
    </message>
    <message>
        <source>Function %1/%2</source>
        <translation>函数 %1/%2</translation>
    </message>
    <message>
        <source>Build of package %1/%2</source>
        <translation>包 %1/%2 的构建</translation>
    </message>
    <message>
        <source>Environment %1/%2</source>
        <translation>环境 %1/%2</translation>
    </message>
    <message>
        <source>Tenant %1</source>
        <translation>租户 %1</translation>
    </message>
    <message>
        <source>Fission control plane in %1</source>
        <translation>%1 中的 Fission 控制平面</translation>
    </message>
    <message>
        <source>Pod %1/%2</source>
        <translation>Pod %1/%2</translation>
    </message>
    <message>
        <source>function %1/%2 not found</source>
        <translation>未找到函数 %1/%2</translation>
    </message>
    <message>
        <source>package %1/%2 not found</source>
        <translation>未找到包 %1/%2</translation>
    </message>
    <message>
        <source>environment %1/%2 not found</source>
        <translation>未找到环境 %1/%2</translation>
    </message>
    <message>
        <source>no Fission control plane found</source>
        <translation>未找到 Fission 控制平面</translation>
    </message>
    <message>
        <source>%1 passed the cluster&apos;s checks (dry run, nothing created).</source>
        <translation>%1 通过了集群的检查（试运行，未创建任何内容）。</translation>
    </message>
    <message>
        <source>%1 passed the cluster&apos;s checks (dry run, nothing saved).</source>
        <translation>%1 通过了集群的检查（试运行，未保存任何内容）。</translation>
    </message>
    <message>
        <source>Pods %1 in %2</source>
        <translation>%2 中匹配 %1 的 Pod</translation>
    </message>
    <message>
        <source>A namespace name cannot be empty.</source>
        <translation>命名空间名称不能为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is longer than 63 characters.</source>
        <translation>“%1”超过 63 个字符。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a namespace name: use lowercase letters, digits and &apos;-&apos;, starting and ending with a letter or digit.</source>
        <translation>“%1”不是有效的命名空间名称：请使用小写字母、数字和“-”，并以字母或数字开头和结尾。</translation>
    </message>
    <message>
        <source>The exec plugin path must be absolute: %1</source>
        <translation>exec 插件路径必须是绝对路径：%1</translation>
    </message>
    <message>
        <source>The exec plugin path does not exist: %1</source>
        <translation>exec 插件路径不存在：%1</translation>
    </message>
    <message>
        <source>The context &quot;%1&quot; is no longer in the kubeconfig.</source>
        <translation>kubeconfig 中已不再有上下文“%1”。</translation>
    </message>
    <message>
        <source>Could not upload the archive to Fission&apos;s storage service in %1: %2</source>
        <translation>无法将归档上传到 %1 中的 Fission 存储服务：%2</translation>
    </message>
    <message>
        <source>Fission&apos;s storage service in %1 answered the upload without an archive id.</source>
        <translation>%1 中的 Fission 存储服务响应了上传请求，但未返回归档 ID。</translation>
    </message>
    <message>
        <source>Uploaded the archive to Fission&apos;s storage service.</source>
        <translation>已将归档上传到 Fission 存储服务。</translation>
    </message>
    <message>
        <source>Could not list %1 in %2: %3</source>
        <translation>无法列出 %2 中的 %1：%3</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>禁止访问</translation>
    </message>
    <message>
        <source>Cannot list namespaces (%1): watching only the context&apos;s namespace %2. Add the namespaces you work in under Cluster settings.</source>
        <translation>无法列出命名空间（%1）：仅监视上下文的命名空间 %2。请在“集群设置”中添加您使用的命名空间。</translation>
    </message>
    <message numerus="yes">
        <source>Cannot list namespaces (%1): watching the context&apos;s namespace %2 and the %n namespace(s) set for this context: %3.</source>
        <translation>
            <numerusform>无法列出命名空间（%1）：改为监视上下文的命名空间 %2 以及为此上下文设置的 %n 个命名空间：%3。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some kinds cannot be listed in all namespaces: they are watched in each namespace you can see.</source>
        <translation>部分资源类型无法在所有命名空间中列出：改为在您可见的每个命名空间中分别监视。</translation>
    </message>
</context>
<context>
    <name>fd::fission</name>
    <message>
        <source>expected a string</source>
        <translation>应为字符串</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>应为数字</translation>
    </message>
    <message>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <source>expected a list</source>
        <translation>应为列表</translation>
    </message>
    <message>
        <source>expected a list of strings</source>
        <translation>应为字符串列表</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>应为对象</translation>
    </message>
    <message>
        <source>a condition has no type</source>
        <translation>某个条件没有 type</translation>
    </message>
    <message>
        <source>unknown archive type &quot;%1&quot;</source>
        <translation>未知的归档类型“%1”</translation>
    </message>
    <message>
        <source>an archive of type url needs a url</source>
        <translation>url 类型的归档需要 url</translation>
    </message>
    <message>
        <source>only sha256 checksums are supported</source>
        <translation>仅支持 sha256 校验和</translation>
    </message>
    <message>
        <source>the environment has no runtime image</source>
        <translation>该环境没有运行时镜像</translation>
    </message>
    <message>
        <source>version must be 1, 2 or 3 (found %1)</source>
        <translation>version 必须为 1、2 或 3（实际为 %1）</translation>
    </message>
    <message>
        <source>the pool size cannot be negative</source>
        <translation>池大小不能为负数</translation>
    </message>
    <message>
        <source>must be &quot;single&quot; or &quot;infinite&quot; (found &quot;%1&quot;)</source>
        <translation>必须为“single”或“infinite”（实际为“%1”）</translation>
    </message>
    <message>
        <source>unknown build status &quot;%1&quot;</source>
        <translation>未知的构建状态“%1”</translation>
    </message>
    <message>
        <source>the package names no environment</source>
        <translation>该包未指定环境</translation>
    </message>
    <message>
        <source>the environment must be in the package&apos;s own namespace (%1, not %2)</source>
        <translation>环境必须位于包自身的命名空间中（应为 %1，而不是 %2）</translation>
    </message>
    <message>
        <source>the package has neither a source nor a deployment archive</source>
        <translation>该包既没有源码归档，也没有部署归档</translation>
    </message>
    <message>
        <source>unknown executor type &quot;%1&quot;</source>
        <translation>未知的执行器类型“%1”</translation>
    </message>
    <message>
        <source>a function with the container executor needs a pod spec</source>
        <translation>使用 container 执行器的函数需要 Pod spec</translation>
    </message>
    <message>
        <source>the function names no environment</source>
        <translation>该函数未指定环境</translation>
    </message>
    <message>
        <source>the function names no package</source>
        <translation>该函数未指定包</translation>
    </message>
    <message>
        <source>MinScale must be between 0 and MaxScale</source>
        <translation>MinScale 必须介于 0 和 MaxScale 之间</translation>
    </message>
    <message>
        <source>unknown function reference type &quot;%1&quot;</source>
        <translation>未知的函数引用类型“%1”</translation>
    </message>
    <message>
        <source>no function weights are given</source>
        <translation>未指定函数权重</translation>
    </message>
    <message>
        <source>the trigger names no function</source>
        <translation>该触发器未指定函数</translation>
    </message>
    <message>
        <source>the trigger has neither a relative URL nor a prefix</source>
        <translation>该触发器既没有相对 URL，也没有前缀</translation>
    </message>
    <message>
        <source>the URL path must start with /</source>
        <translation>URL 路径必须以 / 开头</translation>
    </message>
    <message>
        <source>the time trigger has no cron schedule</source>
        <translation>该定时触发器没有 cron 计划</translation>
    </message>
    <message>
        <source>the message queue trigger has no topic</source>
        <translation>该消息队列触发器没有 topic</translation>
    </message>
    <message>
        <source>the watch trigger names no object type</source>
        <translation>该 watch 触发器未指定对象类型</translation>
    </message>
    <message>
        <source>the tenant names no namespace</source>
        <translation>该租户未指定命名空间</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>legacy (namespaces from Helm values)</source>
        <translation>legacy（命名空间来自 Helm 值）</translation>
    </message>
    <message>
        <source>static (namespaces from Helm values)</source>
        <translation>static（命名空间来自 Helm 值）</translation>
    </message>
    <message>
        <source>dynamic (FissionTenants)</source>
        <translation>dynamic（FissionTenant）</translation>
    </message>
    <message>
        <source>cluster (every namespace)</source>
        <translation>cluster（所有命名空间）</translation>
    </message>
    <message>
        <source>Deployments cannot be listed: %1</source>
        <translation>无法列出 Deployment：%1</translation>
    </message>
    <message>
        <source>Deployments have not been read yet</source>
        <translation>尚未读取 Deployment</translation>
    </message>
    <message>
        <source>Deployments can be read only in some namespaces and none of them holds Fission&apos;s control plane</source>
        <translation>只能在部分命名空间中读取 Deployment，而其中没有任何一个包含 Fission 的控制平面</translation>
    </message>
    <message>
        <source>served</source>
        <translation>已服务</translation>
    </message>
    <message>
        <source>not watched</source>
        <translation>未监视</translation>
    </message>
    <message>
        <source>partially served (rollout)</source>
        <translation>部分服务（滚动更新中）</translation>
    </message>
    <message>
        <source>onboarding</source>
        <translation>纳管中</translation>
    </message>
    <message>
        <source>terminating</source>
        <translation>终止中</translation>
    </message>
    <message>
        <source>namespace missing</source>
        <translation>命名空间不存在</translation>
    </message>
    <message numerus="yes">
        <source>readable only in %n namespace(s)</source>
        <translation>
            <numerusform>仅在 %n 个命名空间中可读</numerusform>
        </translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>不可读</translation>
    </message>
    <message>
        <source>Cannot fully check: %1</source>
        <translation>无法完整检查：%1</translation>
    </message>
    <message>
        <source>This check needs to read %1, which your credentials do not fully allow. It reports nothing it cannot prove, so problems of this kind may go unreported.</source>
        <translation>此检查需要读取 %1，但您的凭据不完全允许。它不会报告任何无法证实的内容，因此此类问题可能不会被报告。</translation>
    </message>
    <message numerus="yes">
        <source>Add %1 to the Helm values (restarts %n Deployment(s))</source>
        <translation>
            <numerusform>将 %1 添加到 Helm 值中（将重启 %n 个 Deployment）</numerusform>
        </translation>
    </message>
    <message>
        <source>Create a FissionTenant for %1 (no restart)</source>
        <translation>为 %1 创建 FissionTenant（无需重启）</translation>
    </message>
    <message>
        <source>Remove the label fission.io/enabled=false from %1</source>
        <translation>从 %1 移除标签 fission.io/enabled=false</translation>
    </message>
    <message>
        <source>Rebuild package %1</source>
        <translation>重新构建包 %1</translation>
    </message>
    <message>
        <source>Open logs (%1)</source>
        <translation>打开日志（%1）</translation>
    </message>
    <message>
        <source>Open logs of %1</source>
        <translation>打开 %1 的日志</translation>
    </message>
    <message>
        <source>Create namespace %1</source>
        <translation>创建命名空间 %1</translation>
    </message>
    <message>
        <source>Create a FissionTenant for %1</source>
        <translation>为 %1 创建 FissionTenant</translation>
    </message>
    <message>
        <source>Remove the finalizers of %1</source>
        <translation>移除 %1 的 finalizers</translation>
    </message>
    <message>
        <source>Roll release %1 back to revision %2</source>
        <translation>将 Helm 发布 %1 回滚到修订版本 %2</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示 %1</translation>
    </message>
    <message>
        <source>no revision of release %1 could be read</source>
        <translation>无法读取 Helm 发布 %1 的任何修订版本</translation>
    </message>
    <message>
        <source>Package builds that failed</source>
        <translation>构建失败的包</translation>
    </message>
    <message>
        <source>The build of package %1 failed</source>
        <translation>包 %1 构建失败</translation>
    </message>
    <message>
        <source>Function %1 cannot run: its package did not build</source>
        <translation>函数 %1 无法运行：其包未能构建</translation>
    </message>
    <message>
        <source>Environment %1 does not exist, so buildermgr cannot build the package.</source>
        <translation>环境 %1 不存在，因此 buildermgr 无法构建该包。</translation>
    </message>
    <message>
        <source>The builder of environment %1 never became Ready, so buildermgr gave up waiting (Fission 1.20 waits about 16 to 27 minutes). Check the builder pod&apos;s status and events.</source>
        <translation>环境 %1 的构建器始终未变为 Ready，因此 buildermgr 放弃了等待（Fission 1.20 大约等待 16 到 27 分钟）。请检查构建器 Pod 的状态和事件。</translation>
    </message>
    <message>
        <source>The builder could not fetch the source archive. Archives of 256 KiB or more live in storagesvc; if the package was created while its namespace was not watched, the archive pruner may have deleted it. Otherwise check storagesvc and the builder&apos;s access to it.</source>
        <translation>构建器无法获取源码归档。256 KiB 及以上的归档存放在 storagesvc 中；如果该包是在其命名空间未被监视时创建的，归档清理器可能已将其删除。否则请检查 storagesvc 以及构建器对它的访问。</translation>
    </message>
    <message>
        <source>The build ran, but uploading its result to storagesvc failed.</source>
        <translation>构建已运行，但将结果上传到 storagesvc 失败。</translation>
    </message>
    <message>
        <source>The package has neither a source nor a deployment archive.</source>
        <translation>该包既没有源码归档，也没有部署归档。</translation>
    </message>
    <message>
        <source>the environment&apos;s build command</source>
        <translation>环境的构建命令</translation>
    </message>
    <message>
        <source>The build command (%1) failed. The build log&apos;s relevant lines are shown below.</source>
        <translation>构建命令（%1）失败。下方显示了构建日志中的相关行。</translation>
    </message>
    <message>
        <source>Package builds pending or running for too long in served namespaces</source>
        <translation>受服务命名空间中等待或运行时间过长的包构建</translation>
    </message>
    <message numerus="yes">
        <source>Package %1 has been building for %n minute(s)</source>
        <translation>
            <numerusform>包 %1 已构建 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Package %1 has been waiting to build for %n minute(s)</source>
        <translation>
            <numerusform>包 %1 已等待构建 %n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Environment %1 does not exist, so no builder can build the package.</source>
        <translation>环境 %1 不存在，因此没有构建器能够构建该包。</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>buildermgr has not created a builder for environment %1: there is no Deployment labelled owner=buildermgr,envName=%1 for its current version in namespace %2. buildermgr&apos;s log says why.</source>
        <translation>buildermgr 尚未为环境 %1 创建构建器：命名空间 %2 中没有与其当前版本对应、带有标签 owner=buildermgr,envName=%1 的 Deployment。原因请查看 buildermgr 的日志。</translation>
    </message>
    <message>
        <source>The builder Deployment %1 has no pods%2, so nothing can run the build.</source>
        <translation>构建器 Deployment %1 没有 Pod%2，因此无法运行构建。</translation>
    </message>
    <message>
        <source>The builder pod %1 is not Ready%2, so the build cannot start.</source>
        <translation>构建器 Pod %1 未处于 Ready 状态%2，因此构建无法开始。</translation>
    </message>
    <message>
        <source>The builder is Ready, but the build has not finished. If buildermgr restarted during the build, Fission 1.20 leaves the package running for ever; rebuilding starts over.</source>
        <translation>构建器已 Ready，但构建尚未完成。如果 buildermgr 在构建期间重启，Fission 1.20 会让该包永远停留在 running 状态；重新构建会从头开始。</translation>
    </message>
    <message>
        <source>The builder is Ready, but buildermgr has not started the build. buildermgr&apos;s log says why.</source>
        <translation>构建器已 Ready，但 buildermgr 尚未开始构建。原因请查看 buildermgr 的日志。</translation>
    </message>
    <message>
        <source>Environment builders that are not Ready</source>
        <translation>未处于 Ready 状态的环境构建器</translation>
    </message>
    <message>
        <source>The builder of environment %1 is not Ready</source>
        <translation>环境 %1 的构建器未处于 Ready 状态</translation>
    </message>
    <message>
        <source>its Deployment has no pods</source>
        <translation>其 Deployment 没有 Pod</translation>
    </message>
    <message>
        <source>pod %1 has not become Ready</source>
        <translation>Pod %1 尚未变为 Ready</translation>
    </message>
    <message>
        <source>buildermgr builds packages of environment %1 in its builder pod, which is not Ready: %2. Builds of this environment wait (Fission 1.20 fails them after a long timeout).</source>
        <translation>buildermgr 在环境 %1 的构建器 Pod 中构建其包，但该 Pod 未处于 Ready 状态：%2。此环境的构建将等待（Fission 1.20 会在较长超时后将其判为失败）。</translation>
    </message>
    <message>
        <source>Package %1 cannot build until the builder is Ready</source>
        <translation>在构建器 Ready 之前，包 %1 无法构建</translation>
    </message>
    <message>
        <source>Source packages whose environment has no builder</source>
        <translation>环境没有构建器的源码包</translation>
    </message>
    <message>
        <source>Package %1 needs a build, but environment %2 has no builder</source>
        <translation>包 %1 需要构建，但环境 %2 没有构建器</translation>
    </message>
    <message>
        <source>Package %1 has a source archive, which a builder must turn into a deployment archive, but environment %2 has %3. Nothing will build this package: give the environment a builder image (and version 2 or 3), or create the package from a deployment archive.</source>
        <translation>包 %1 有源码归档，需要构建器将其转换为部署归档，但环境 %2 %3。没有任何组件会构建此包：请为该环境指定构建器镜像（并使用 version 2 或 3），或从部署归档创建该包。</translation>
    </message>
    <message>
        <source>version 1, which has no builder support</source>
        <translation>为 version 1，不支持构建器</translation>
    </message>
    <message>
        <source>no builder image</source>
        <translation>没有构建器镜像</translation>
    </message>
    <message>
        <source>Package archives in storagesvc that its pruner may delete</source>
        <translation>storagesvc 中可能被其清理器删除的包归档</translation>
    </message>
    <message numerus="yes">
        <source>storagesvc&apos;s pruner may delete the archives of %n package(s) in %1</source>
        <translation>
            <numerusform>storagesvc 的清理器可能会删除 %1 中 %n 个包的归档</numerusform>
        </translation>
    </message>
    <message>
        <source>storagesvc&apos;s archive pruner (on by default, every 60 minutes) deletes every stored archive older than a minute that no Package in the namespaces storagesvc watches refers to. Namespace %1 is not among them, so these archives can vanish at any time; a later build, or a function pod fetching its code, then fails.</source>
        <translation>storagesvc 的归档清理器（默认开启，每 60 分钟运行一次）会删除所有存储超过一分钟、且未被 storagesvc 所监视命名空间中任何 Package 引用的归档。命名空间 %1 不在其中，因此这些归档随时可能消失；之后的构建或获取代码的函数 Pod 将会失败。</translation>
    </message>
    <message>
        <source> %1 is onboarded through a FissionTenant, which storagesvc does not read: it knows only the namespaces of the Helm values (inferred from Fission&apos;s source).</source>
        <translation> %1 是通过 FissionTenant 纳管的，而 storagesvc 不读取 FissionTenant：它只知道 Helm 值中的命名空间（根据 Fission 源码推断）。</translation>
    </message>
    <message>
        <source> (tenancy mode %1)</source>
        <translation>（租户模式 %1）</translation>
    </message>
    <message>
        <source>no function pods are created or specialized</source>
        <translation>不会创建或特化任何函数 Pod</translation>
    </message>
    <message>
        <source>no function can be called</source>
        <translation>无法调用任何函数</translation>
    </message>
    <message>
        <source>no package is built</source>
        <translation>不会构建任何包</translation>
    </message>
    <message>
        <source>archives cannot be uploaded or fetched</source>
        <translation>无法上传或获取归档</translation>
    </message>
    <message>
        <source>creating or changing Fission objects fails (the webhooks&apos; failure policy is Fail)</source>
        <translation>创建或修改 Fission 对象会失败（webhook 的 failurePolicy 为 Fail）</translation>
    </message>
    <message>
        <source>no FissionTenant is onboarded or cleaned up</source>
        <translation>不会纳管或清理任何 FissionTenant</translation>
    </message>
    <message>
        <source>time triggers do not fire</source>
        <translation>定时触发器不会触发</translation>
    </message>
    <message>
        <source>Kubernetes watch triggers do not fire</source>
        <translation>Kubernetes watch 触发器不会触发</translation>
    </message>
    <message>
        <source>message queue triggers do not fire</source>
        <translation>消息队列触发器不会触发</translation>
    </message>
    <message>
        <source>its part of Fission stops working</source>
        <translation>它负责的 Fission 功能将停止工作</translation>
    </message>
    <message>
        <source>Control-plane Deployments configured with different namespace lists</source>
        <translation>配置了不同命名空间列表的控制平面 Deployment</translation>
    </message>
    <message>
        <source>Fission&apos;s components in %1 watch different namespaces</source>
        <translation>%1 中的 Fission 组件监视的命名空间不同</translation>
    </message>
    <message>
        <source>%1 watch %2</source>
        <translation>%1 监视 %2</translation>
    </message>
    <message>
        <source>Each Fission process reads its namespace list once at start-up, and Helm renders the same list into all of them. Here the pod templates differ: %1. A namespace in one list but not in another is half served (for example routed but never built). This usually follows a hand edit or an upgrade that stopped half way.</source>
        <translation>每个 Fission 进程在启动时读取一次其命名空间列表，Helm 会向所有进程渲染相同的列表。而这里的 Pod 模板互不相同：%1。只在一个列表中而不在另一个列表中的命名空间只得到部分服务（例如能路由但从不构建）。这通常是手动编辑或升级中途停止所致。</translation>
    </message>
    <message>
        <source>Control-plane rollouts in progress or stuck</source>
        <translation>正在进行或卡住的控制平面滚动更新</translation>
    </message>
    <message>
        <source>still runs the previous namespace list</source>
        <translation>仍在使用之前的命名空间列表运行</translation>
    </message>
    <message>
        <source> Pods %1 still run with the previous namespace list.</source>
        <translation> Pod %1 仍在使用之前的命名空间列表运行。</translation>
    </message>
    <message>
        <source>The rollout of %1 is stuck</source>
        <translation>%1 的滚动更新卡住了</translation>
    </message>
    <message>
        <source>The Deployment&apos;s progress deadline passed before its new pods became available.</source>
        <translation>在新 Pod 变为可用之前，Deployment 的进度期限（progress deadline）已过。</translation>
    </message>
    <message>
        <source>A new pod of %1 cannot start: %2.</source>
        <translation>%1 的一个新 Pod 无法启动：%2。</translation>
    </message>
    <message>
        <source>%1 is rolling out (%2 of %3 pods updated)</source>
        <translation>%1 正在滚动更新（已更新 %2/%3 个 Pod）</translation>
    </message>
    <message>
        <source>Kubernetes is replacing the pods of %1 with ones built from its current template. Until it finishes, old and new processes may watch different namespaces.</source>
        <translation>Kubernetes 正在用按当前模板创建的 Pod 替换 %1 的 Pod。在完成之前，新旧进程监视的命名空间可能不同。</translation>
    </message>
    <message>
        <source>Control-plane pods that crash or cannot start</source>
        <translation>崩溃或无法启动的控制平面 Pod</translation>
    </message>
    <message>
        <source>Pods of %1 are failing</source>
        <translation>%1 的 Pod 出现故障</translation>
    </message>
    <message>
        <source>%1. While no pod of %2 runs, %3.</source>
        <translation>%1。在 %2 没有 Pod 运行期间，%3。</translation>
    </message>
    <message>
        <source>Control-plane Deployments without an available pod</source>
        <translation>没有可用 Pod 的控制平面 Deployment</translation>
    </message>
    <message>
        <source>%1 has no available pod</source>
        <translation>%1 没有可用的 Pod</translation>
    </message>
    <message numerus="yes">
        <source>%1 wants %n pod(s) but none is available, so %2.</source>
        <translation>
            <numerusform>%1 需要 %n 个 Pod，但没有一个可用，因此%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Control planes whose live namespace list differs from their Helm values</source>
        <translation>实际命名空间列表与 Helm 值不一致的控制平面</translation>
    </message>
    <message>
        <source>The control plane does not run with the Helm values of release %1</source>
        <translation>控制平面未按 Helm 发布 %1 的值运行</translation>
    </message>
    <message>
        <source>Revision %1 of release %2 (deployed) renders the watched namespaces %3, but the control plane&apos;s pod templates say %4.</source>
        <translation>Helm 发布 %2 的修订版本 %1（deployed）渲染出的监视命名空间为 %3，但控制平面的 Pod 模板为 %4。</translation>
    </message>
    <message>
        <source> Tenancy mode: %1 in the values, %2 running.</source>
        <translation> 租户模式：值中为 %1，实际运行为 %2。</translation>
    </message>
    <message>
        <source> The latest revision %1 failed: that upgrade applied part of its changes and stopped.</source>
        <translation> 最新修订版本 %1 失败：该次升级只应用了部分更改就停止了。</translation>
    </message>
    <message>
        <source> The running processes are the truth: they watch %1. A new upgrade (or a rollback to revision %2) makes the two agree.</source>
        <translation> 以正在运行的进程为准：它们监视 %1。重新升级（或回滚到修订版本 %2）可使两者一致。</translation>
    </message>
    <message>
        <source>Helm operations on Fission&apos;s release that are running or crashed</source>
        <translation>正在运行或已崩溃的 Fission Helm 发布操作</translation>
    </message>
    <message>
        <source>A Helm operation on release %1 never finished</source>
        <translation>Helm 发布 %1 上的一次 Helm 操作始终未完成</translation>
    </message>
    <message>
        <source>A Helm operation on release %1 is running</source>
        <translation>Helm 发布 %1 上有一个 Helm 操作正在运行</translation>
    </message>
    <message>
        <source>Revision %1 of release %2 has been %3 since %4. The helm process that started it is gone; Helm now refuses every upgrade with &quot;another operation (install/upgrade/rollback) is in progress&quot;. Rolling back ends the pending revision.</source>
        <translation>Helm 发布 %2 的修订版本 %1 自 %4 起一直处于 %3 状态。启动它的 helm 进程已不存在；Helm 现在会以“another operation (install/upgrade/rollback) is in progress”拒绝所有升级。回滚可结束该挂起的修订版本。</translation>
    </message>
    <message>
        <source>Revision %1 of release %2 is %3: an install, upgrade or rollback is under way.</source>
        <translation>Helm 发布 %2 的修订版本 %1 处于 %3 状态：正在进行安装、升级或回滚。</translation>
    </message>
    <message>
        <source>Failed Helm operations on Fission&apos;s release</source>
        <translation>失败的 Fission Helm 发布操作</translation>
    </message>
    <message>
        <source>The last Helm operation on release %1 failed</source>
        <translation>Helm 发布 %1 上的最近一次 Helm 操作失败</translation>
    </message>
    <message>
        <source>Revision %1 failed (%2). Revision %3 is still the deployed one.</source>
        <translation>修订版本 %1 失败（%2）。当前部署的仍是修订版本 %3。</translation>
    </message>
    <message>
        <source>Revision %1 failed (%2) and no revision is deployed.</source>
        <translation>修订版本 %1 失败（%2），且没有已部署的修订版本。</translation>
    </message>
    <message>
        <source>Helm values of release %1, revision %2</source>
        <translation>Helm 发布 %1 修订版本 %2 的值</translation>
    </message>
    <message>
        <source>Namespaces that hold Fission objects but that Fission does not watch</source>
        <translation>包含 Fission 对象但未被 Fission 监视的命名空间</translation>
    </message>
    <message>
        <source>no namespace</source>
        <translation>无命名空间</translation>
    </message>
    <message>
        <source>Fission does not watch namespace %1</source>
        <translation>Fission 未监视命名空间 %1</translation>
    </message>
    <message>
        <source> The API server accepted the objects in %1 (Fission&apos;s webhooks run in every namespace), but no Fission process acts on them: the router has no route for its functions, buildermgr never builds its packages, and the executor never creates its pods.</source>
        <translation> API server 接受了 %1 中的对象（Fission 的 webhook 作用于所有命名空间），但没有任何 Fission 进程处理它们：router 没有其函数的路由，buildermgr 从不构建其包，executor 也从不创建其 Pod。</translation>
    </message>
    <message>
        <source>Fission (release namespace %1, dynamic tenancy) serves the namespaces of its Helm values (%2) and those of Ready FissionTenants. Namespace %3 has neither a FissionTenant nor the label fission.io/enabled=true.</source>
        <translation>Fission（发布命名空间 %1，dynamic 租户模式）服务于其 Helm 值中的命名空间（%2）以及处于 Ready 状态的 FissionTenant 的命名空间。命名空间 %3 既没有 FissionTenant，也没有标签 fission.io/enabled=true。</translation>
    </message>
    <message>
        <source>In cluster tenancy Fission onboards every namespace except kube-system, kube-public, kube-node-lease, its own namespace %1 and namespaces labelled fission.io/enabled=false; %2 is one of these exceptions.</source>
        <translation>在 cluster 租户模式下，Fission 会纳管除 kube-system、kube-public、kube-node-lease、其自身命名空间 %1 以及带有标签 fission.io/enabled=false 的命名空间之外的所有命名空间；%2 属于这些例外之一。</translation>
    </message>
    <message>
        <source>Fission&apos;s control plane (release namespace %1) watches only %2: the namespaces rendered from the Helm values defaultNamespace and additionalFissionNamespaces into each process&apos;s FISSION_RESOURCE_NAMESPACES, read once at start-up.</source>
        <translation>Fission 的控制平面（发布命名空间 %1）只监视 %2：即由 Helm 值 defaultNamespace 和 additionalFissionNamespaces 渲染到每个进程的 FISSION_RESOURCE_NAMESPACES 中、并在启动时读取一次的命名空间。</translation>
    </message>
    <message>
        <source> Namespace %1 is where Fission itself runs; it is not a tenant namespace unless it is listed.</source>
        <translation> 命名空间 %1 是 Fission 自身运行的位置；除非被列出，否则它不是租户命名空间。</translation>
    </message>
    <message>
        <source>holds %1</source>
        <translation>包含 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Namespace %1 is watched by only some of Fission&apos;s components</source>
        <translation>命名空间 %1 仅被部分 Fission 组件监视</translation>
    </message>
    <message>
        <source>Some control-plane Deployments list %1 in their namespace env and others do not (see control-plane-env-disagree). Serving it: %2. Not configured to: %3.</source>
        <translation>部分控制平面 Deployment 在其命名空间环境变量中列出了 %1，其他的则没有（参见 control-plane-env-disagree）。正在服务它的：%2。未配置服务它的：%3。</translation>
    </message>
    <message>
        <source>Namespace %1 is only partly served while the control plane rolls out</source>
        <translation>控制平面滚动更新期间，命名空间 %1 仅得到部分服务</translation>
    </message>
    <message>
        <source>The control plane&apos;s pod templates list %1, but some running processes still use the previous namespace list. Serving it: %2. Not yet: %3. The symptoms below last until the rollout finishes.</source>
        <translation>控制平面的 Pod 模板列出了 %1，但部分正在运行的进程仍使用之前的命名空间列表。正在服务它的：%2。尚未服务的：%3。以下症状会持续到滚动更新完成。</translation>
    </message>
    <message>
        <source>Namespace %1 is being dropped from the watched set</source>
        <translation>命名空间 %1 正在被移出监视范围</translation>
    </message>
    <message>
        <source>The control plane&apos;s pod templates no longer list %1, but some running processes still watch it until the rollout replaces them. Still watching: %2. No longer: %3.</source>
        <translation>控制平面的 Pod 模板已不再列出 %1，但部分正在运行的进程在被滚动更新替换之前仍会监视它。仍在监视的：%2。已不再监视的：%3。</translation>
    </message>
    <message>
        <source>The router answers 404 &quot;404 page not found&quot; for %1</source>
        <translation>router 对 %1 返回 404“404 page not found”</translation>
    </message>
    <message>
        <source>The router answers 404 for %1 %2 (HTTPTrigger %3)</source>
        <translation>router 对 %1 %2 返回 404（HTTPTrigger %3）</translation>
    </message>
    <message>
        <source>Package %1 stays pending: no builder picks it up</source>
        <translation>包 %1 一直处于 pending 状态：没有构建器处理它</translation>
    </message>
    <message>
        <source>Package %1 has no build status: no Fission process has looked at it</source>
        <translation>包 %1 没有构建状态：没有任何 Fission 进程处理过它</translation>
    </message>
    <message>
        <source>fission function logs/test for %1: &quot;no active pods found for function in namespace %2&quot;</source>
        <translation>对 %1 执行 fission function logs/test：“no active pods found for function in namespace %2”</translation>
    </message>
    <message>
        <source>Fission objects exist but no Fission control plane runs</source>
        <translation>存在 Fission 对象但没有运行的 Fission 控制平面</translation>
    </message>
    <message>
        <source>No Fission control plane found</source>
        <translation>未找到 Fission 控制平面</translation>
    </message>
    <message numerus="yes">
        <source>%n Fission object(s) exist in %1, but no Deployment labelled svc=executor runs in any namespace: nothing builds, routes or runs them. Fission may have been uninstalled (its CRDs and objects stay behind) or not installed yet.</source>
        <translation>
            <numerusform>%1 中存在 %n 个 Fission 对象，但没有任何命名空间中运行带有标签 svc=executor 的 Deployment：没有组件构建、路由或运行它们。Fission 可能已被卸载（其 CRD 和对象仍残留），或尚未安装。</numerusform>
        </translation>
    </message>
    <message>
        <source>More than one Fission control plane</source>
        <translation>存在多个 Fission 控制平面</translation>
    </message>
    <message numerus="yes">
        <source>%n Fission control planes run in this cluster</source>
        <translation>
            <numerusform>此集群中运行着 %n 个 Fission 控制平面</numerusform>
        </translation>
    </message>
    <message>
        <source>Fission runs in namespaces %1. Each control plane acts on every object in the namespaces it watches and installs its own cluster-wide webhooks.</source>
        <translation>Fission 运行在命名空间 %1 中。每个控制平面都会处理其所监视命名空间中的所有对象，并安装各自的集群级 webhook。</translation>
    </message>
    <message>
        <source> Namespaces %1 are watched by more than one of them: both build the same packages and create pods for the same functions, and they clash.</source>
        <translation> 命名空间 %1 被其中多个控制平面监视：它们会构建相同的包、为相同的函数创建 Pod，从而产生冲突。</translation>
    </message>
    <message>
        <source>Namespaces being deleted that still hold Fission objects</source>
        <translation>正在删除但仍包含 Fission 对象的命名空间</translation>
    </message>
    <message>
        <source>Namespace %1 is stuck terminating</source>
        <translation>命名空间 %1 卡在终止状态</translation>
    </message>
    <message>
        <source>still holds %1</source>
        <translation>仍包含 %1</translation>
    </message>
    <message>
        <source>Namespace %1 has been terminating since %2 and still holds Fission objects. The namespace controller waits until every object in it is gone.</source>
        <translation>命名空间 %1 自 %2 起一直处于终止状态，且仍包含 Fission 对象。命名空间控制器会一直等到其中所有对象都被删除。</translation>
    </message>
    <message numerus="yes">
        <source>Namespace %1 is being deleted, but %n object(s) in it carry Fission finalizers that only Fission&apos;s controllers remove, and no running Fission process watches this namespace. The deletion waits for ever. Clearing metadata.finalizers is the escape hatch (Fission then does not clean up what it created for them).</source>
        <translation>
            <numerusform>命名空间 %1 正在被删除，但其中 %n 个对象带有只能由 Fission 控制器移除的 Fission finalizer，而没有正在运行的 Fission 进程监视此命名空间。删除将永远等待。清除 metadata.finalizers 是最后的解决手段（此后 Fission 不会清理它为这些对象创建的资源）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Functions whose environment does not exist</source>
        <translation>环境不存在的函数</translation>
    </message>
    <message>
        <source>Function %1 uses environment %2, which does not exist</source>
        <translation>函数 %1 使用的环境 %2 不存在</translation>
    </message>
    <message>
        <source>The executor runs a function in a pod of its environment. Environment %1 does not exist in namespace %2, so function %3 cannot run: calls to it fail.</source>
        <translation>executor 在函数所属环境的 Pod 中运行函数。命名空间 %2 中不存在环境 %1，因此函数 %3 无法运行：对它的调用会失败。</translation>
    </message>
    <message>
        <source>Calls to %1 fail</source>
        <translation>对 %1 的调用失败</translation>
    </message>
    <message>
        <source>Functions whose package does not exist</source>
        <translation>包不存在的函数</translation>
    </message>
    <message>
        <source>Function %1 uses package %2, which does not exist</source>
        <translation>函数 %1 使用的包 %2 不存在</translation>
    </message>
    <message>
        <source>A function&apos;s code comes from its package. Package %1 does not exist in namespace %2, so function %3 has no code to run: calls to it fail.</source>
        <translation>函数的代码来自其包。命名空间 %2 中不存在包 %1，因此函数 %3 没有可运行的代码：对它的调用会失败。</translation>
    </message>
    <message>
        <source>Triggers whose function does not exist</source>
        <translation>函数不存在的触发器</translation>
    </message>
    <message>
        <source>%1 %2 points to function %3, which does not exist</source>
        <translation>%1 %2 指向的函数 %3 不存在</translation>
    </message>
    <message>
        <source>A trigger calls functions in its own namespace (%1). No function named %2 exists there, so whatever fires this trigger reaches nothing.</source>
        <translation>触发器调用其自身命名空间（%1）中的函数。该命名空间中不存在名为 %2 的函数，因此无论什么触发此触发器，都不会到达任何函数。</translation>
    </message>
    <message>
        <source>Requests to %1 %2 reach no function</source>
        <translation>对 %1 %2 的请求不会到达任何函数</translation>
    </message>
    <message>
        <source>the image %1 of container %2 cannot be pulled (%3)</source>
        <translation>无法拉取容器 %2 的镜像 %1（%3）</translation>
    </message>
    <message numerus="yes">
        <source>container %1 keeps crashing (%n restart(s), last exit: %2)</source>
        <translation>
            <numerusform>容器 %1 反复崩溃（已重启 %n 次，上次退出：%2）</numerusform>
        </translation>
    </message>
    <message>
        <source>container %1 cannot be created: %2</source>
        <translation>无法创建容器 %1：%2</translation>
    </message>
    <message>
        <source>container %1 is waiting: %2</source>
        <translation>容器 %1 正在等待：%2</translation>
    </message>
    <message>
        <source>the pod cannot be scheduled: %1</source>
        <translation>无法调度该 Pod：%1</translation>
    </message>
    <message>
        <source>container %1 runs but does not pass its readiness check</source>
        <translation>容器 %1 正在运行，但未通过就绪检查</translation>
    </message>
    <message>
        <source>pods cannot be created because a service account is missing: %1</source>
        <translation>由于缺少服务账号，无法创建 Pod：%1</translation>
    </message>
    <message>
        <source>a resource quota forbids the pods: %1</source>
        <translation>资源配额禁止创建 Pod：%1</translation>
    </message>
    <message>
        <source>pods cannot be created: %1</source>
        <translation>无法创建 Pod：%1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>the controller could not create the service accounts and RoleBindings Fission needs in %1 (%2)</source>
        <translation>控制器无法在 %1 中创建 Fission 所需的服务账号和 RoleBinding（%2）</translation>
    </message>
    <message>
        <source>the controller could not create Secret fission-internal-auth-keys in %1 (%2)</source>
        <translation>控制器无法在 %1 中创建 Secret fission-internal-auth-keys（%2）</translation>
    </message>
    <message>
        <source>%1 is %2 (%3): %4</source>
        <translation>%1 为 %2（%3）：%4</translation>
    </message>
    <message>
        <source>FissionTenants that are not Ready</source>
        <translation>未处于 Ready 状态的 FissionTenant</translation>
    </message>
    <message>
        <source>FissionTenant %1 is not Ready</source>
        <translation>FissionTenant %1 未处于 Ready 状态</translation>
    </message>
    <message>
        <source>Onboarding of namespace %1 failed: %2.</source>
        <translation>纳管命名空间 %1 失败：%2。</translation>
    </message>
    <message>
        <source>Namespace %1 waits for the tenant controller, which has no ready pod: no tenant is onboarded until it runs.</source>
        <translation>命名空间 %1 正在等待租户控制器，但该控制器没有就绪的 Pod：在它运行之前，不会纳管任何租户。</translation>
    </message>
    <message>
        <source>The tenant controller runs but has not processed this tenant (Fission aims for Ready within seconds). Its log says why.</source>
        <translation>租户控制器正在运行，但尚未处理此租户（Fission 通常在几秒内达到 Ready）。原因请查看其日志。</translation>
    </message>
    <message>
        <source>The Fission objects in %1 are not served until the tenant is Ready</source>
        <translation>在租户 Ready 之前，%1 中的 Fission 对象不会得到服务</translation>
    </message>
    <message>
        <source>FissionTenants whose namespace does not exist</source>
        <translation>命名空间不存在的 FissionTenant</translation>
    </message>
    <message>
        <source>FissionTenant %1 names namespace %2, which does not exist</source>
        <translation>FissionTenant %1 指定的命名空间 %2 不存在</translation>
    </message>
    <message>
        <source>FissionTenant %1 onboards namespace %2, but there is no such namespace. The tenant controller reports Ready=False (NamespaceNotFound) and onboards it as soon as the namespace is created.</source>
        <translation>FissionTenant %1 纳管命名空间 %2，但该命名空间不存在。租户控制器报告 Ready=False（NamespaceNotFound），并会在该命名空间创建后立即将其纳管。</translation>
    </message>
    <message>
        <source>FissionTenants that have no effect because tenancy is static</source>
        <translation>因租户模式为 static 而不起作用的 FissionTenant</translation>
    </message>
    <message>
        <source>FissionTenant %1 has no effect</source>
        <translation>FissionTenant %1 不起作用</translation>
    </message>
    <message>
        <source>This Fission runs with %1 tenancy: only the Helm values decide which namespaces it watches, and no controller reads FissionTenants. Namespace %2 is not served.</source>
        <translation>此 Fission 以 %1 租户模式运行：只有 Helm 值决定它监视哪些命名空间，没有控制器读取 FissionTenant。命名空间 %2 不会得到服务。</translation>
    </message>
    <message>
        <source>Namespaces labelled fission.io/enabled=true without a FissionTenant</source>
        <translation>带有标签 fission.io/enabled=true 但没有 FissionTenant 的命名空间</translation>
    </message>
    <message>
        <source>Namespace %1 asks to be onboarded (fission.io/enabled=true), but the tenant controller, which turns the label into a FissionTenant, has no ready pod.</source>
        <translation>命名空间 %1 请求纳管（fission.io/enabled=true），但负责将该标签转换为 FissionTenant 的租户控制器没有就绪的 Pod。</translation>
    </message>
    <message>
        <source>Namespace %1 is labelled fission.io/enabled=true, but the tenant controller has not created its FissionTenant. Its log says why.</source>
        <translation>命名空间 %1 带有标签 fission.io/enabled=true，但租户控制器尚未创建其 FissionTenant。原因请查看其日志。</translation>
    </message>
    <message>
        <source>Namespace %1 is labelled fission.io/enabled=true, but this Fission runs with %2 tenancy, which ignores the label: only the Helm values decide what it watches.</source>
        <translation>命名空间 %1 带有标签 fission.io/enabled=true，但此 Fission 以 %2 租户模式运行，该模式会忽略此标签：只有 Helm 值决定它监视哪些命名空间。</translation>
    </message>
    <message>
        <source>Namespace %1 is labelled for Fission but has no FissionTenant</source>
        <translation>命名空间 %1 带有 Fission 标签，但没有 FissionTenant</translation>
    </message>
    <message>
        <source>Runtime tenancy without a running tenant controller</source>
        <translation>运行时租户模式下没有正在运行的租户控制器</translation>
    </message>
    <message>
        <source>No tenant controller runs for Fission in %1</source>
        <translation>%1 中没有为 Fission 运行的租户控制器</translation>
    </message>
    <message>
        <source>Fission runs with %1 tenancy, where the tenant controller onboards namespaces, but Deployment %2 has no ready pod: new FissionTenants and labelled namespaces are not onboarded, and deleted tenants are not cleaned up.</source>
        <translation>Fission 以 %1 租户模式运行，由租户控制器纳管命名空间，但 Deployment %2 没有就绪的 Pod：新的 FissionTenant 和带标签的命名空间不会被纳管，已删除的租户也不会被清理。</translation>
    </message>
    <message>
        <source>Fission runs with %1 tenancy, where the tenant controller onboards namespaces, but there is no Deployment labelled svc=tenantcontroller in %2.</source>
        <translation>Fission 以 %1 租户模式运行，由租户控制器纳管命名空间，但 %2 中没有带有标签 svc=tenantcontroller 的 Deployment。</translation>
    </message>
    <message>
        <source>Package created</source>
        <translation>包已创建</translation>
    </message>
    <message>
        <source>Picked up by buildermgr</source>
        <translation>buildermgr 已接手</translation>
    </message>
    <message>
        <source>Builder pod scheduled</source>
        <translation>构建器 Pod 已调度</translation>
    </message>
    <message>
        <source>Builder image pulled</source>
        <translation>构建器镜像已拉取</translation>
    </message>
    <message>
        <source>Builder ready</source>
        <translation>构建器已就绪</translation>
    </message>
    <message>
        <source>Source archive fetched</source>
        <translation>源码归档已获取</translation>
    </message>
    <message>
        <source>Build command run</source>
        <translation>构建命令已运行</translation>
    </message>
    <message>
        <source>Deployment archive uploaded</source>
        <translation>部署归档已上传</translation>
    </message>
    <message>
        <source>Build finished</source>
        <translation>构建已结束</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>building</source>
        <translation>正在构建</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>stuck</source>
        <translation>卡住</translation>
    </message>
    <message>
        <source>no build needed</source>
        <translation>无需构建</translation>
    </message>
    <message>
        <source>Nothing to build: the package has a deployment archive.</source>
        <translation>无需构建：该包已有部署归档。</translation>
    </message>
    <message>
        <source>The package has neither a source nor a deployment archive: there is nothing to build or to run. Edit the package and give it an archive.</source>
        <translation>该包既没有源码归档，也没有部署归档：没有可构建或可运行的内容。请编辑该包并为其指定归档。</translation>
    </message>
    <message>
        <source>The package has no archive.</source>
        <translation>该包没有归档。</translation>
    </message>
    <message>
        <source>The build succeeded.</source>
        <translation>构建成功。</translation>
    </message>
    <message>
        <source>The build failed.</source>
        <translation>构建失败。</translation>
    </message>
    <message>
        <source>The package has neither a source nor a deployment archive, so buildermgr failed it at once. Edit the package and give it an archive.</source>
        <translation>该包既没有源码归档，也没有部署归档，因此 buildermgr 立即将其判为失败。请编辑该包并为其指定归档。</translation>
    </message>
    <message>
        <source>Environment %1 does not exist, so buildermgr failed the build at once. Create the environment (or point the package at another one) and rebuild.</source>
        <translation>环境 %1 不存在，因此 buildermgr 立即将构建判为失败。请创建该环境（或让该包改用其他环境），然后重新构建。</translation>
    </message>
    <message>
        <source>The builder of environment %1 did not become Ready in time, so buildermgr gave up waiting. Check the builder pod&apos;s status and events.</source>
        <translation>环境 %1 的构建器未能及时变为 Ready，因此 buildermgr 放弃了等待。请检查构建器 Pod 的状态和事件。</translation>
    </message>
    <message>
        <source>The builder could not fetch the source archive. Archives of 256 KiB or more live in storagesvc, and its pruner deletes archives no Package in a watched namespace references: if the package was created while its namespace was not watched, the archive is gone. Upload the source again (edit the package).</source>
        <translation>构建器无法获取源码归档。256 KiB 及以上的归档存放在 storagesvc 中，其清理器会删除未被任何受监视命名空间中的 Package 引用的归档：如果该包是在其命名空间未被监视时创建的，归档已被删除。请重新上传源码（编辑该包）。</translation>
    </message>
    <message>
        <source>The build ran, but uploading its result to storagesvc failed. Check storagesvc and rebuild.</source>
        <translation>构建已运行，但将结果上传到 storagesvc 失败。请检查 storagesvc，然后重新构建。</translation>
    </message>
    <message>
        <source>the builder&apos;s default command</source>
        <translation>构建器的默认命令</translation>
    </message>
    <message>
        <source>The build command (%1) failed: the builder&apos;s output below says why. Fix the source or the build command and rebuild.</source>
        <translation>构建命令（%1）失败：原因见下方构建器的输出。请修正源码或构建命令，然后重新构建。</translation>
    </message>
    <message>
        <source>The build is running.</source>
        <translation>构建正在运行。</translation>
    </message>
    <message>
        <source>The build has not started.</source>
        <translation>构建尚未开始。</translation>
    </message>
    <message>
        <source>Fission does not watch namespace %1 (%2), so buildermgr never sees this package and it stays pending for ever. Onboard the namespace.</source>
        <translation>Fission 未监视命名空间 %1（%2），因此 buildermgr 永远不会看到此包，它将一直处于 pending 状态。请纳管该命名空间。</translation>
    </message>
    <message>
        <source>Environment %1 does not exist, so no builder can build the package. Create the environment or point the package at another one.</source>
        <translation>环境 %1 不存在，因此没有构建器能够构建该包。请创建该环境，或让该包改用其他环境。</translation>
    </message>
    <message>
        <source>Environment %1 has no builder, so nothing will build this source package. Give the environment a builder image, or use a deployment archive.</source>
        <translation>环境 %1 没有构建器，因此没有任何组件会构建此源码包。请为该环境指定构建器镜像，或改用部署归档。</translation>
    </message>
    <message>
        <source>The builder is Ready, but buildermgr has not started the build. buildermgr&apos;s log says why; rebuilding asks again.</source>
        <translation>构建器已 Ready，但 buildermgr 尚未开始构建。原因请查看 buildermgr 的日志；重新构建会再次发起请求。</translation>
    </message>
    <message>
        <source>Waiting for buildermgr to start the build.</source>
        <translation>正在等待 buildermgr 开始构建。</translation>
    </message>
    <message>
        <source>The build is in progress.</source>
        <translation>构建正在进行中。</translation>
    </message>
    <message>
        <source>builder pods are not shown in this view</source>
        <translation>此视图不显示构建器 Pod</translation>
    </message>
    <message>
        <source>no builder Deployment labelled owner=buildermgr,envName=%1 in namespace %2</source>
        <translation>命名空间 %2 中没有带有标签 owner=buildermgr,envName=%1 的构建器 Deployment</translation>
    </message>
    <message>
        <source>buildermgr has not created a builder for environment %1 in namespace %2 yet. buildermgr&apos;s log says why.</source>
        <translation>buildermgr 尚未在命名空间 %2 中为环境 %1 创建构建器。原因请查看 buildermgr 的日志。</translation>
    </message>
    <message>
        <source>The builder Deployment %1 has no pods yet.</source>
        <translation>构建器 Deployment %1 尚无 Pod。</translation>
    </message>
    <message>
        <source>The builder Deployment %1 has no pods: %2. Nothing can run the build until this is fixed.</source>
        <translation>构建器 Deployment %1 没有 Pod：%2。在此问题修复之前，无法运行构建。</translation>
    </message>
    <message>
        <source>The builder pod %1 cannot be scheduled: %2</source>
        <translation>无法调度构建器 Pod %1：%2</translation>
    </message>
    <message>
        <source>The builder pod %1 is not Ready: %2. Fix the environment&apos;s builder image (or the image pull secret) and the builder restarts.</source>
        <translation>构建器 Pod %1 未处于 Ready 状态：%2。修正环境的构建器镜像（或镜像拉取 Secret）后，构建器会重新启动。</translation>
    </message>
    <message>
        <source>The builder pod %1 is starting.</source>
        <translation>构建器 Pod %1 正在启动。</translation>
    </message>
    <message>
        <source>The builder pod %1 is not Ready: %2.</source>
        <translation>构建器 Pod %1 未处于 Ready 状态：%2。</translation>
    </message>
    <message>
        <source>The builder pod %1 is not Ready yet.</source>
        <translation>构建器 Pod %1 尚未 Ready。</translation>
    </message>
    <message>
        <source>fetcher: source archive placed</source>
        <translation>fetcher：源码归档已就位</translation>
    </message>
    <message>
        <source>fetcher: deployment archive uploaded</source>
        <translation>fetcher：部署归档已上传</translation>
    </message>
    <message>
        <source>Stopped at &quot;%1&quot;.</source>
        <translation>停在“%1”这一步。</translation>
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
        <translation>已停止</translation>
    </message>
    <message>
        <source>listing</source>
        <translation>列出中</translation>
    </message>
    <message>
        <source>watching</source>
        <translation>监视中</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>禁止访问</translation>
    </message>
    <message>
        <source>not loaded yet</source>
        <translation>尚未加载</translation>
    </message>
    <message>
        <source>the server&apos;s change history expired; reloading everything</source>
        <translation>服务器的变更历史已过期；正在重新加载全部内容</translation>
    </message>
    <message>
        <source>the connection dropped; reconnecting</source>
        <translation>连接已断开；正在重新连接</translation>
    </message>
    <message>
        <source>the server is throttling requests</source>
        <translation>服务器正在限流请求</translation>
    </message>
    <message>
        <source>the credentials were refused</source>
        <translation>凭据被拒绝</translation>
    </message>
    <message>
        <source>access denied by RBAC</source>
        <translation>被 RBAC 拒绝访问</translation>
    </message>
    <message>
        <source>the resource type or namespace does not exist</source>
        <translation>资源类型或命名空间不存在</translation>
    </message>
    <message>
        <source>the server failed</source>
        <translation>服务器出错</translation>
    </message>
    <message>
        <source>updates stopped</source>
        <translation>更新已停止</translation>
    </message>
    <message>
        <source>%1 reply is not readable: %2</source>
        <translation>无法读取 %1 的响应：%2</translation>
    </message>
    <message>
        <source>the exec credential plugin of user %1 was stopped</source>
        <translation>用户 %1 的 exec 凭据插件已被终止</translation>
    </message>
    <message>
        <source>discovery: %1 is not readable: %2</source>
        <translation>discovery：无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the server does not serve the kind %1</source>
        <translation>服务器不提供 kind %1</translation>
    </message>
    <message>
        <source>the server does not serve the resource %1</source>
        <translation>服务器不提供资源 %1</translation>
    </message>
    <message>
        <source>context %1 has no usable cluster or user</source>
        <translation>上下文 %1 没有可用的集群或用户</translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 is not trusted (it is not signed by the cluster&apos;s certificate authority from the kubeconfig)</source>
        <translation>TLS：%1 的证书不受信任（它不是由 kubeconfig 中集群的证书颁发机构签发的）</translation>
    </message>
    <message>
        <source>TLS: host name mismatch: the certificate presented by %1 is not valid for the name that was checked (the server URL&apos;s host, or tls-server-name)</source>
        <translation>TLS：主机名不匹配：%1 提供的证书对所检查的名称（server URL 的主机或 tls-server-name）无效</translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 has expired</source>
        <translation>TLS：%1 的证书已过期</translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 is not valid yet (check the clock)</source>
        <translation>TLS：%1 的证书尚未生效（请检查系统时钟）</translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 was rejected: %2</source>
        <translation>TLS：%1 的证书被拒绝：%2</translation>
    </message>
    <message>
        <source>TLS: the handshake with %1 failed</source>
        <translation>TLS：与 %1 握手失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 未能及时响应</translation>
    </message>
    <message>
        <source>the stream from %1 stayed silent too long</source>
        <translation>来自 %1 的数据流静默时间过长</translation>
    </message>
    <message>
        <source>%1 refused an HTTP/2 stream</source>
        <translation>%1 拒绝了一个 HTTP/2 流</translation>
    </message>
    <message>
        <source>%1 refused the connection</source>
        <translation>%1 拒绝了连接</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>未找到主机 %1</translation>
    </message>
    <message>
        <source>TLS: the handshake with %1 failed: %2</source>
        <translation>TLS：与 %1 握手失败：%2</translation>
    </message>
    <message>
        <source>the proxy for %1 failed: %2</source>
        <translation>%1 的代理出错：%2</translation>
    </message>
    <message>
        <source>the connection to %1 timed out</source>
        <translation>与 %1 的连接超时</translation>
    </message>
    <message>
        <source>the request to %1 was aborted</source>
        <translation>对 %1 的请求已中止</translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation>%1 关闭了连接</translation>
    </message>
    <message>
        <source>network error talking to %1: %2</source>
        <translation>与 %1 通信时发生网络错误：%2</translation>
    </message>
    <message>
        <source>the log of pod %1/%2 keeps breaking off</source>
        <translation>Pod %1/%2 的日志流反复中断</translation>
    </message>
    <message>
        <source>the exec credential plugin returned an unusable client certificate: %1</source>
        <translation>exec 凭据插件返回了不可用的客户端证书：%1</translation>
    </message>
    <message>
        <source>%1 closed the HTTP/2 connection before taking the request</source>
        <translation>%1 在接收请求之前关闭了 HTTP/2 连接</translation>
    </message>
</context>
<context>
    <name>fd::kube::InformerSet</name>
    <message>
        <source>You may not list %1 in all namespaces; looking up your namespaces.</source>
        <translation>您无权在所有命名空间中列出 %1；正在查找您可访问的命名空间。</translation>
    </message>
    <message numerus="yes">
        <source>You may not list %1 in all namespaces: watching each of the %n namespace(s) you can see instead.</source>
        <translation>
            <numerusform>您无权在所有命名空间中列出 %1：改为分别监视您可见的 %n 个命名空间。</numerusform>
        </translation>
    </message>
    <message>
        <source>You may neither list %1 in all namespaces nor list namespaces: watching the context&apos;s namespace and the configured ones (%2).</source>
        <translation>您既无权在所有命名空间中列出 %1，也无权列出命名空间：改为监视上下文的命名空间和已配置的命名空间（%2）。</translation>
    </message>
</context>
<context>
    <name>fd::kube::Reflector</name>
    <message>
        <source>the watch-list ended before its initial-events-end bookmark</source>
        <translation>watch-list 在其 initial-events-end 书签之前就结束了</translation>
    </message>
    <message>
        <source>the server closed the watch at once without events</source>
        <translation>服务器未发送任何事件就立即关闭了 watch</translation>
    </message>
    <message>
        <source>the cluster connection was closed</source>
        <translation>集群连接已关闭</translation>
    </message>
    <message>
        <source>%1 in namespace %2</source>
        <translation>命名空间 %2 中的 %1</translation>
    </message>
</context>
<context>
    <name>fd::ui</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>literal, %n byte(s)</source>
        <translation>
            <numerusform>内联，%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>URL %1</source>
        <translation>URL %1</translation>
    </message>
    <message>
        <source>OCI image %1</source>
        <translation>OCI 镜像 %1</translation>
    </message>
    <message>
        <source>unknown type &quot;%1&quot;</source>
        <translation>未知类型“%1”</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>状态条件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Problems in the object</source>
        <translation>对象中的问题</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Build status</source>
        <translation>构建状态</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>最后更新</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Source archive</source>
        <translation>源码归档</translation>
    </message>
    <message>
        <source>Deployment archive</source>
        <translation>部署归档</translation>
    </message>
    <message>
        <source>Build command</source>
        <translation>构建命令</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>被使用于</translation>
    </message>
    <message>
        <source>Build log</source>
        <translation>构建日志</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Entry point</source>
        <translation>入口函数</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>执行器</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>伸缩范围</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路由</translation>
    </message>
    <message>
        <source>Other triggers</source>
        <translation>其他触发器</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Queue type</source>
        <translation>队列类型</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Response topic</source>
        <translation>响应主题</translation>
    </message>
    <message>
        <source>Error topic</source>
        <translation>错误主题</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>监视</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Runtime image</source>
        <translation>运行时镜像</translation>
    </message>
    <message>
        <source>Builder image</source>
        <translation>构建器镜像</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Warm pool size</source>
        <translation>预热池大小</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <source>Fission</source>
        <translation>Fission</translation>
    </message>
    <message>
        <source>Tenancy</source>
        <translation>租户模式</translation>
    </message>
    <message>
        <source>Helm release</source>
        <translation>Helm 发布</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>诊断结果</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>服务组件</translation>
    </message>
    <message>
        <source>Not watched by</source>
        <translation>未监视的组件</translation>
    </message>
    <message>
        <source>FissionTenants</source>
        <translation>FissionTenant 对象</translation>
    </message>
    <message>
        <source>Label fission.io/enabled</source>
        <translation>标签 fission.io/enabled</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Tenant %1</source>
        <translation>租户 %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Resource version</source>
        <translation>资源版本</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>being deleted (finalizers: %1)</source>
        <translation>正在删除（finalizer：%1）</translation>
    </message>
    <message>
        <source>The cluster was removed.</source>
        <translation>该集群已被移除。</translation>
    </message>
    <message>
        <source>%1 %2 (cluster-wide)</source>
        <translation>%1 %2（整个集群）</translation>
    </message>
    <message>
        <source>%1 %2 in %3</source>
        <translation>在 %3 中 %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n 个需要关注</numerusform>
        </translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>HTTP triggers</source>
        <translation>HTTP 触发器</translation>
    </message>
    <message>
        <source>HTTP trigger</source>
        <translation>HTTP 触发器</translation>
    </message>
    <message>
        <source>Time triggers</source>
        <translation>定时触发器</translation>
    </message>
    <message>
        <source>Time trigger</source>
        <translation>定时触发器</translation>
    </message>
    <message>
        <source>Message queue triggers</source>
        <translation>消息队列触发器</translation>
    </message>
    <message>
        <source>Message queue trigger</source>
        <translation>消息队列触发器</translation>
    </message>
    <message>
        <source>Watch triggers</source>
        <translation>监视触发器</translation>
    </message>
    <message>
        <source>Watch trigger</source>
        <translation>监视触发器</translation>
    </message>
    <message>
        <source>tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Kubernetes %1</source>
        <translation>Kubernetes %1</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>not built yet</source>
        <translation>尚未构建</translation>
    </message>
    <message>
        <source>build pending</source>
        <translation>等待构建</translation>
    </message>
    <message>
        <source>building</source>
        <translation>正在构建</translation>
    </message>
    <message>
        <source>build succeeded</source>
        <translation>构建成功</translation>
    </message>
    <message>
        <source>build failed</source>
        <translation>构建失败</translation>
    </message>
    <message>
        <source>no build needed</source>
        <translation>无需构建</translation>
    </message>
    <message>
        <source>pool manager</source>
        <translation>池管理器 (poolmgr)</translation>
    </message>
    <message>
        <source>new deployment</source>
        <translation>新部署 (newdeploy)</translation>
    </message>
    <message>
        <source>container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>no Fission installed</source>
        <translation>未安装 Fission</translation>
    </message>
    <message>
        <source>Fission %1</source>
        <translation>Fission %1</translation>
    </message>
    <message numerus="yes">
        <source>%n control planes</source>
        <translation>
            <numerusform>%n 个控制平面</numerusform>
        </translation>
    </message>
    <message>
        <source>no Fission control plane watches this namespace</source>
        <translation>没有 Fission 控制平面监视此命名空间</translation>
    </message>
    <message>
        <source>%1 do not watch this namespace</source>
        <translation>%1 未监视此命名空间</translation>
    </message>
    <message>
        <source>rollout in progress, %1 do not watch it yet</source>
        <translation>正在滚动更新，%1 尚未监视它</translation>
    </message>
    <message>
        <source>waiting for Fission to onboard it</source>
        <translation>等待 Fission 纳管</translation>
    </message>
    <message>
        <source>the namespace is being deleted</source>
        <translation>命名空间正在删除</translation>
    </message>
    <message>
        <source>the Fission control plane could not be read</source>
        <translation>无法读取 Fission 控制平面</translation>
    </message>
    <message>
        <source>named by FissionTenant %1</source>
        <translation>由 FissionTenant %1 指定</translation>
    </message>
    <message>
        <source>cannot write the log: %1</source>
        <translation>无法写入日志：%1</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>Onboarded %1.</source>
        <translation>已纳管 %1。</translation>
    </message>
    <message>
        <source>Onboarding was closed; nothing was changed.</source>
        <translation>纳管对话框已关闭；未做任何更改。</translation>
    </message>
    <message>
        <source>The logs cannot be followed on this cluster.</source>
        <translation>无法在此集群上跟踪日志。</translation>
    </message>
    <message>
        <source>Opened the logs of %1.</source>
        <translation>已打开 %1 的日志。</translation>
    </message>
    <message>
        <source>%1 is queued for the next maintenance window (not scheduled yet).</source>
        <translation>%1 已排入下一个维护窗口（尚未安排时间）。</translation>
    </message>
    <message>
        <source>%1 is queued for the maintenance window at %2.</source>
        <translation>%1 已排入 %2 的维护窗口。</translation>
    </message>
</context>
<context>
    <name>fd::ui::BuildBoard</name>
    <message>
        <source>Builds in %1</source>
        <translation>%1 中的构建</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) in %1</source>
        <translation>
            <numerusform>%1 中的 %n 个包</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n 个需要关注</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fd::ui::BuildBoardModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Package</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Build state</source>
        <translation>构建状态</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>存在时长</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>距上次变更</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>fd::ui::BuildTroubleshooter</name>
    <message>
        <source>Build of %1/%2</source>
        <translation>%1/%2 的构建</translation>
    </message>
    <message>
        <source>Why is the build of %1/%2 not done?</source>
        <translation>%1/%2 的构建为何尚未完成？</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation>重新构建</translation>
    </message>
    <message>
        <source>Open builder log</source>
        <translation>打开构建器日志</translation>
    </message>
    <message>
        <source>Edit package…</source>
        <translation>编辑包…</translation>
    </message>
    <message>
        <source>Edit environment…</source>
        <translation>编辑环境…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>未执行到</translation>
    </message>
    <message>
        <source>not needed</source>
        <translation>不需要</translation>
    </message>
    <message>
        <source>Package %1/%2 is not in this cluster (yet).</source>
        <translation>此集群中（尚）没有包 %1/%2。</translation>
    </message>
    <message>
        <source>The cluster was removed.</source>
        <translation>该集群已被移除。</translation>
    </message>
    <message>
        <source>Not allowed: %1</source>
        <translation>无权限：%1</translation>
    </message>
    <message>
        <source>Set the build back to pending: buildermgr builds it again.</source>
        <translation>将构建重置为 pending 状态：buildermgr 会重新构建它。</translation>
    </message>
    <message>
        <source>Only a failed build can be rebuilt.</source>
        <translation>只有失败的构建才能重新构建。</translation>
    </message>
    <message>
        <source>Rebuilding…</source>
        <translation>正在重新构建…</translation>
    </message>
    <message>
        <source>Cannot show the builder&apos;s log: %1</source>
        <translation>无法显示构建器的日志：%1</translation>
    </message>
    <message>
        <source>The logs cannot be followed on this cluster.</source>
        <translation>无法在此集群上跟踪日志。</translation>
    </message>
    <message>
        <source>%1 %2/%3 cannot be edited here.</source>
        <translation>无法在此编辑 %1 %2/%3。</translation>
    </message>
    <message>
        <source>Your permissions do not allow updating %1 in %2.</source>
        <translation>您的权限不允许在 %2 中更新 %1。</translation>
    </message>
</context>
<context>
    <name>fd::ui::CallFunctionDialog</name>
    <message>
        <source>Call %1</source>
        <translation>调用 %1</translation>
    </message>
    <message>
        <source>Sends the request to Fission&apos;s router (Service router:80 in namespace %1) through the API server&apos;s service proxy.</source>
        <translation>通过 API server 的服务代理，将请求发送到 Fission 的 router（命名空间 %1 中的 Service router:80）。</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>路径：</translation>
    </message>
    <message>
        <source>One header per line: Name: value</source>
        <translation>每行一个请求头：Name: value</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>请求头：</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>请求体：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Response headers:</source>
        <translation>响应头：</translation>
    </message>
    <message>
        <source>Response body:</source>
        <translation>响应体：</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>No answer after %1 ms: %2</source>
        <translation>%1 毫秒后仍无响应：%2</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1，耗时 %2 毫秒</translation>
    </message>
    <message>
        <source>(headers of error answers are not kept by the client)</source>
        <translation>（客户端不保留错误响应的响应头）</translation>
    </message>
    <message>
        <source>The router has no route for this path. &lt;a href=&quot;diagnostics&quot;&gt;Show the diagnostics of %1&lt;/a&gt; to see why.</source>
        <translation>router 中没有此路径的路由。&lt;a href=&quot;diagnostics&quot;&gt;查看 %1 的诊断&lt;/a&gt;以了解原因。</translation>
    </message>
</context>
<context>
    <name>fd::ui::ClusterSettingsController</name>
    <message>
        <source>Cluster settings</source>
        <translation>集群设置</translation>
    </message>
    <message>
        <source>Settings of %1 saved.</source>
        <translation>已保存 %1 的设置。</translation>
    </message>
</context>
<context>
    <name>fd::ui::ClusterSettingsDialog</name>
    <message>
        <source>the path set here</source>
        <translation>此处设置的路径</translation>
    </message>
    <message>
        <source>the kubeconfig&apos;s path</source>
        <translation>kubeconfig 中的路径</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>login shell PATH</source>
        <translation>登录 shell 的 PATH</translation>
    </message>
    <message>
        <source>a usual install location</source>
        <translation>常见的安装位置</translation>
    </message>
    <message>
        <source>Cluster settings — %1</source>
        <translation>集群设置 — %1</translation>
    </message>
    <message>
        <source>Exec credential plugin</source>
        <translation>exec 凭据插件</translation>
    </message>
    <message>
        <source>Found automatically</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>This context&apos;s user does not use an exec credential plugin.</source>
        <translation>此上下文的用户未使用 exec 凭据插件。</translation>
    </message>
    <message>
        <source>The kubeconfig runs &quot;%1&quot;. A desktop app may not see your shell&apos;s PATH: set the plugin&apos;s file (or its directory) here when it is not found.</source>
        <translation>kubeconfig 会运行“%1”。桌面应用可能获取不到您 shell 中的 PATH：如果找不到该插件，请在此设置插件文件（或其所在目录）。</translation>
    </message>
    <message>
        <source>Namespaces to watch</source>
        <translation>要监视的命名空间</translation>
    </message>
    <message>
        <source>Used when your permissions allow neither listing a kind in all namespaces nor listing namespaces. One namespace per line.</source>
        <translation>当您的权限既不允许在所有命名空间中列出某类资源，也不允许列出命名空间时使用。每行一个命名空间。</translation>
    </message>
    <message>
        <source>Used when your permissions allow neither listing a kind in all namespaces nor listing namespaces. The context&apos;s namespace (%1) is always watched. One namespace per line.</source>
        <translation>当您的权限既不允许在所有命名空间中列出某类资源，也不允许列出命名空间时使用。上下文的命名空间（%1）始终会被监视。每行一个命名空间。</translation>
    </message>
    <message>
        <source>team-a
team-b</source>
        <translation>team-a
team-b</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source>&amp;Hide this cluster (it is not connected while hidden)</source>
        <translation>隐藏此集群(&amp;H)（隐藏期间不会连接）</translation>
    </message>
    <message>
        <source>Kept in Fission Desk&apos;s settings under the context name. No credential is stored; the kubeconfig is never changed.</source>
        <translation>按上下文名称保存在 Fission Desk的设置中。不保存任何凭据，也不会修改 kubeconfig。</translation>
    </message>
    <message>
        <source>Looking for &quot;%1&quot;…</source>
        <translation>正在查找“%1”…</translation>
    </message>
    <message>
        <source>Found via %1: %2</source>
        <translation>已找到：%2（来源：%1）</translation>
    </message>
    <message>
        <source>Not found. %1</source>
        <translation>未找到。%1</translation>
    </message>
</context>
<context>
    <name>fd::ui::ClusterStatusBar</name>
    <message>
        <source>, no data yet</source>
        <translation>，尚无数据</translation>
    </message>
    <message numerus="yes">
        <source>, data from %n s ago</source>
        <translation>
            <numerusform>，数据来自 %n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, data from %n min ago</source>
        <translation>
            <numerusform>，数据来自 %n 分钟前</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fd::ui::ClusterTreeModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>fd::ui::CommandPalette</name>
    <message>
        <source>Go to object or action</source>
        <translation>转到对象或操作</translation>
    </message>
    <message>
        <source>Type to search objects, tenants, clusters and actions</source>
        <translation>输入以搜索对象、租户、集群和操作</translation>
    </message>
</context>
<context>
    <name>fd::ui::DeleteObjectDialog</name>
    <message>
        <source>Delete %1 %2/%3</source>
        <translation>删除 %1 %2/%3</translation>
    </message>
    <message>
        <source>Delete %1 %2 from %3? Nothing in the namespace refers to it.</source>
        <translation>要从 %3 删除 %1 %2 吗？命名空间中没有任何对象引用它。</translation>
    </message>
    <message>
        <source>Delete %1 %2 from %3? These objects refer to it and will stop working until they are changed or it is created again; they are not deleted with it:</source>
        <translation>要从 %3 删除 %1 %2 吗？以下对象引用了它，在修改它们或重新创建它之前将无法工作；它们不会随之删除：</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Fission Desk cannot delete objects of kind %1.</source>
        <translation>Fission Desk 无法删除 %1 类型的对象。</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
</context>
<context>
    <name>fd::ui::DetailsPane</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the YAML to the clipboard</source>
        <translation>将 YAML 复制到剪贴板</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近发生</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Select a cluster, tenant or object</source>
        <translation>请选择集群、租户或对象</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>集群 %1</translation>
    </message>
    <message>
        <source>Tenant %1</source>
        <translation>租户 %1</translation>
    </message>
    <message>
        <source>This object no longer exists on the cluster.</source>
        <translation>该对象已不在集群中。</translation>
    </message>
    <message>
        <source>Events are not available for this cluster.</source>
        <translation>此集群无法获取事件。</translation>
    </message>
    <message>
        <source>Loading events…</source>
        <translation>正在加载事件…</translation>
    </message>
    <message>
        <source>No events for this object.</source>
        <translation>此对象没有事件。</translation>
    </message>
    <message>
        <source>Why is this build not done?</source>
        <translation>此构建为何尚未完成？</translation>
    </message>
</context>
<context>
    <name>fd::ui::DiagnosticsPanel</name>
    <message>
        <source>cluster %1</source>
        <translation>集群 %1</translation>
    </message>
    <message>
        <source>tenant %1 on %2</source>
        <translation>%2 上的租户 %1</translation>
    </message>
    <message>
        <source>Select a cluster or tenant to see its diagnostics.</source>
        <translation>选择集群或租户以查看其诊断。</translation>
    </message>
    <message>
        <source>No problems found for %1.</source>
        <translation>%1 未发现问题。</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s) for %1</source>
        <translation>
            <numerusform>%1 有 %n 条诊断结果</numerusform>
        </translation>
    </message>
    <message>
        <source>What you see:</source>
        <translation>您会看到：</translation>
    </message>
    <message>
        <source>Not available from this window yet: %1.</source>
        <translation>此窗口暂不支持：%1。</translation>
    </message>
    <message>
        <source>You are not allowed to do this: missing permission to %1.</source>
        <translation>您无权执行此操作：缺少权限 %1。</translation>
    </message>
    <message>
        <source>%1 (running…)</source>
        <translation>%1（运行中…）</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>完成：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 is not live (%2): findings may be missing or out of date. %3</source>
        <translation>%1 未处于实时状态（%2）：诊断结果可能缺失或过时。%3</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>证据：</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n finding(s) shown.</source>
        <translation>
            <numerusform>已显示 %n 个发现中的 %1 个。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n more</source>
        <translation>
            <numerusform>再显示 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fd::ui::DiffView</name>
    <message>
        <source>No differences between %1 and %2.</source>
        <translation>%1 与 %2 之间没有差异。</translation>
    </message>
</context>
<context>
    <name>fd::ui::DuplicateObjectForm</name>
    <message>
        <source>Duplicate %1 %2/%3 into %4</source>
        <translation>将 %1 %2/%3 复制到 %4</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Everything else is copied as it is; the YAML preview shows the object that will be created.</source>
        <translation>其他内容按原样复制；YAML 预览显示将要创建的对象。</translation>
    </message>
    <message>
        <source>Everything the copy references exists in %1.</source>
        <translation>副本引用的所有对象在 %1 中均存在。</translation>
    </message>
</context>
<context>
    <name>fd::ui::EnvironmentForm</name>
    <message>
        <source>Custom images</source>
        <translation>自定义镜像</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>1: no builder; 2: builder support; 3: adds the pool size.</source>
        <translation>1：无构建器；2：支持构建器；3：增加池大小。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>e.g. ghcr.io/fission/python-env</source>
        <translation>例如 ghcr.io/fission/python-env</translation>
    </message>
    <message>
        <source>Runtime image</source>
        <translation>运行时镜像</translation>
    </message>
    <message>
        <source>optional: builds source packages</source>
        <translation>可选：用于构建源码包</translation>
    </message>
    <message>
        <source>Builder image</source>
        <translation>构建器镜像</translation>
    </message>
    <message>
        <source>Builder command</source>
        <translation>构建器命令</translation>
    </message>
    <message>
        <source>Pool size</source>
        <translation>池大小</translation>
    </message>
    <message>
        <source>CPU request</source>
        <translation>CPU 请求</translation>
    </message>
    <message>
        <source>CPU limit</source>
        <translation>CPU 上限</translation>
    </message>
    <message>
        <source>Memory request</source>
        <translation>内存请求</translation>
    </message>
    <message>
        <source>Memory limit</source>
        <translation>内存上限</translation>
    </message>
    <message>
        <source>Keep the archive (do not extract it)</source>
        <translation>保留归档（不解压）</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Termination grace period</source>
        <translation>终止宽限期</translation>
    </message>
    <message>
        <source>optional: secret name in this namespace</source>
        <translation>可选：此命名空间中的 Secret 名称</translation>
    </message>
    <message>
        <source>Image pull secret</source>
        <translation>镜像拉取 Secret</translation>
    </message>
    <message>
        <source>Functions per container</source>
        <translation>每个容器的函数数</translation>
    </message>
    <message>
        <source>A runtime image is required.</source>
        <translation>必须填写运行时镜像。</translation>
    </message>
    <message>
        <source>An image reference has no spaces.</source>
        <translation>镜像引用不能包含空格。</translation>
    </message>
</context>
<context>
    <name>fd::ui::FormMenu</name>
    <message>
        <source>New function…</source>
        <translation>新建函数…</translation>
    </message>
    <message>
        <source>New HTTP trigger…</source>
        <translation>新建 HTTP 触发器…</translation>
    </message>
    <message>
        <source>New environment…</source>
        <translation>新建环境…</translation>
    </message>
    <message>
        <source>New time trigger…</source>
        <translation>新建定时触发器…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy into the tenant:</source>
        <translation>复制到租户：</translation>
    </message>
    <message>
        <source>New package…</source>
        <translation>新建包…</translation>
    </message>
    <message>
        <source>New message queue trigger…</source>
        <translation>新建消息队列触发器…</translation>
    </message>
    <message>
        <source>New Kubernetes watch trigger…</source>
        <translation>新建 Kubernetes 监视触发器…</translation>
    </message>
    <message>
        <source>Duplicate to another tenant…</source>
        <translation>复制到其他租户…</translation>
    </message>
</context>
<context>
    <name>fd::ui::FunctionForm</name>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>包</translation>
    </message>
    <message>
        <source>e.g. main.handler (optional for some environments)</source>
        <translation>例如 main.handler（某些环境可不填）</translation>
    </message>
    <message>
        <source>Entry point</source>
        <translation>入口点</translation>
    </message>
    <message>
        <source>Pool manager (poolmgr): fast cold start from a warm pool</source>
        <translation>池管理器（poolmgr）：从预热池快速冷启动</translation>
    </message>
    <message>
        <source>New deployment (newdeploy): own Deployment, scales with load</source>
        <translation>新部署（newdeploy）：独立的 Deployment，随负载伸缩</translation>
    </message>
    <message>
        <source>Container: runs your own image</source>
        <translation>容器：运行您自己的镜像</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>执行器</translation>
    </message>
    <message>
        <source>e.g. ghcr.io/me/hello:1.0</source>
        <translation>例如 ghcr.io/me/hello:1.0</translation>
    </message>
    <message>
        <source>Container image</source>
        <translation>容器镜像</translation>
    </message>
    <message>
        <source>Container port</source>
        <translation>容器端口</translation>
    </message>
    <message>
        <source>Minimum instances</source>
        <translation>最少实例数</translation>
    </message>
    <message>
        <source>Maximum instances</source>
        <translation>最多实例数</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>并发数</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Function timeout</source>
        <translation>函数超时</translation>
    </message>
    <message>
        <source>Idle timeout</source>
        <translation>空闲超时</translation>
    </message>
    <message>
        <source>Specialization timeout</source>
        <translation>特化超时</translation>
    </message>
    <message>
        <source>secret names in %1, comma separated</source>
        <translation>%1 中的 Secret 名称，以逗号分隔</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>config map names in %1, comma separated</source>
        <translation>%1 中的 ConfigMap 名称，以逗号分隔</translation>
    </message>
    <message>
        <source>Config maps</source>
        <translation>ConfigMap</translation>
    </message>
    <message>
        <source>The container executor needs an image.</source>
        <translation>容器执行器需要一个镜像。</translation>
    </message>
    <message>
        <source>At least the minimum (%1).</source>
        <translation>至少为最小值（%1）。</translation>
    </message>
    <message>
        <source>Only names in %1 (no namespace/ prefix).</source>
        <translation>只能填写 %1 中的名称（不带 namespace/ 前缀）。</translation>
    </message>
    <message>
        <source>New from a file or folder…</source>
        <translation>从文件或文件夹新建…</translation>
    </message>
    <message>
        <source>Create a Package from a file or folder on this computer and use it here.</source>
        <translation>从此计算机上的文件或文件夹创建包，并在此处使用。</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose from the config maps in %1</source>
        <translation>从 %1 中的 ConfigMap 中选择</translation>
    </message>
    <message>
        <source>Choose from the secrets in %1 (names only)</source>
        <translation>从 %1 中的 Secret 中选择（仅名称）</translation>
    </message>
    <message>
        <source>There is no secret with this name in %1.</source>
        <translation>%1 中没有此名称的 Secret。</translation>
    </message>
    <message>
        <source>There is no config map with this name in %1.</source>
        <translation>%1 中没有此名称的 ConfigMap。</translation>
    </message>
    <message>
        <source>No config maps in %1</source>
        <translation>%1 中没有 ConfigMap</translation>
    </message>
    <message>
        <source>No secrets in %1</source>
        <translation>%1 中没有 Secret</translation>
    </message>
</context>
<context>
    <name>fd::ui::HttpTriggerForm</name>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>/hello</source>
        <translation>/hello</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Match every path under this prefix</source>
        <translation>匹配此前缀下的所有路径</translation>
    </message>
    <message>
        <source>optional, e.g. api.example.com</source>
        <translation>可选，例如 api.example.com</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Create an Ingress for this route</source>
        <translation>为此路由创建 Ingress</translation>
    </message>
    <message>
        <source>Pick at least one method.</source>
        <translation>请至少选择一个方法。</translation>
    </message>
</context>
<context>
    <name>fd::ui::LogTableModel</name>
    <message numerus="yes">
        <source>… %n older line(s) dropped to stay within the memory budget</source>
        <translation>
            <numerusform>… 为保持在内存预算内，已丢弃 %n 行较早的日志</numerusform>
        </translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>fd::ui::LogViewerWidget</name>
    <message>
        <source>Filter lines</source>
        <translation>过滤日志行</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Minimum severity</source>
        <translation>最低级别</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation>没有与“%1”匹配的内容</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Plain text (*.log *.txt)</source>
        <translation>纯文本 (*.log *.txt)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON 行 (*.jsonl)</translation>
    </message>
    <message>
        <source>Export log</source>
        <translation>导出日志</translation>
    </message>
    <message>
        <source>Export only the lines the filter shows?</source>
        <translation>只导出过滤器显示的日志行吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>显示 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>filtering…</source>
        <translation>正在过滤…</translation>
    </message>
    <message>
        <source>invalid pattern: %1</source>
        <translation>无效的模式：%1</translation>
    </message>
    <message>
        <source>paused (press Follow or End to resume)</source>
        <translation>已暂停（按“跟踪”或 End 键继续）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Show lines from this time on (UTC)</source>
        <translation>显示此时间（UTC）及之后的日志行</translation>
    </message>
    <message>
        <source>Show lines up to this time (UTC)</source>
        <translation>显示截至此时间（UTC）的日志行</translation>
    </message>
    <message>
        <source>Jump to the first line at or after this time (UTC)</source>
        <translation>跳转到此时间（UTC）或之后的第一行</translation>
    </message>
    <message>
        <source>Jump to time</source>
        <translation>跳转到时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>Previous log</source>
        <translation>上一实例日志</translation>
    </message>
    <message>
        <source>Open the log of the selected container&apos;s previous (restarted) instance</source>
        <translation>打开所选容器上一个（重启前的）实例的日志</translation>
    </message>
    <message numerus="yes">
        <source>Restarted %n time(s): its previous log can be opened</source>
        <translation>
            <numerusform>已重启 %n 次：可打开其上一实例的日志</numerusform>
        </translation>
    </message>
    <message>
        <source>Show only this source</source>
        <translation>仅显示此来源</translation>
    </message>
    <message>
        <source>Show all sources</source>
        <translation>显示所有来源</translation>
    </message>
    <message>
        <source>No line at or after %1</source>
        <translation>%1 及之后没有日志行</translation>
    </message>
</context>
<context>
    <name>fd::ui::LogWindow</name>
    <message>
        <source>%1 — logs (%2)</source>
        <translation>%1 — 日志（%2）</translation>
    </message>
    <message>
        <source>Build log of package %1 (status.buildlog)</source>
        <translation>包 %1 的构建日志（status.buildlog）</translation>
    </message>
    <message>
        <source>No build log yet.</source>
        <translation>尚无构建日志。</translation>
    </message>
    <message>
        <source>%1 — previous log (%2)</source>
        <translation>%1 — 上一实例日志（%2）</translation>
    </message>
    <message>
        <source>The package is not in the cluster (any more).</source>
        <translation>该包不在集群中（或已被删除）。</translation>
    </message>
    <message>
        <source>Build status: not reported yet</source>
        <translation>构建状态：尚未上报</translation>
    </message>
    <message>
        <source>Build status: %1</source>
        <translation>构建状态：%1</translation>
    </message>
    <message>
        <source>%1/%2 — previous log (%3)</source>
        <translation>%1/%2 — 上一实例日志（%3）</translation>
    </message>
</context>
<context>
    <name>fd::ui::MainWindow</name>
    <message>
        <source>&amp;Clusters</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <source>No clusters</source>
        <translation>没有集群</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Fix failed: %1</source>
        <translation>修复失败：%1</translation>
    </message>
    <message>
        <source>Fission Desk</source>
        <translation>Fission Desk</translation>
    </message>
    <message>
        <source>New error on %1</source>
        <translation>%1 出现新错误</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Filter the tree</source>
        <translation>筛选树(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go to…</source>
        <translation>转到(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>跟随桌面</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used from the next start of Fission Desk.</source>
        <translation>新语言将在下次启动 Fission Desk时生效。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Fission Desk</source>
        <translation>关于 Fission Desk(&amp;A)</translation>
    </message>
    <message>
        <source>About Fission Desk</source>
        <translation>关于 Fission Desk</translation>
    </message>
    <message>
        <source>Fission Desk %1
A desktop control plane for multi-tenant Fission on Kubernetes.</source>
        <translation>Fission Desk %1
面向 Kubernetes 上多租户 Fission 的桌面控制台。</translation>
    </message>
    <message>
        <source>tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>%1 is not in the tree.</source>
        <translation>%1 不在树中。</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>Expand all below</source>
        <translation>展开全部子项</translation>
    </message>
    <message>
        <source>Collapse</source>
        <translation>折叠</translation>
    </message>
    <message>
        <source>Show diagnostics</source>
        <translation>显示诊断</translation>
    </message>
    <message>
        <source>Show logs…</source>
        <translation>查看日志…</translation>
    </message>
    <message>
        <source>Cannot show logs: %1</source>
        <translation>无法查看日志：%1</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Cluster settings…</source>
        <translation>集群设置(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Cluster settings…</source>
        <translation>集群设置…</translation>
    </message>
    <message>
        <source>Offboard…</source>
        <translation>取消纳管…</translation>
    </message>
</context>
<context>
    <name>fd::ui::MaintenanceCoordinator</name>
    <message>
        <source>Context %1 is not one of this app&apos;s clusters.</source>
        <translation>上下文 %1 不是本应用的集群。</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Maintenance window missed</source>
        <translation>错过了维护窗口</translation>
    </message>
    <message>
        <source>The maintenance window of %1 at %2 was missed: the app was not running. Nothing was applied.

Queued: %3.

Apply the batch now (the control plane restarts), choose another time, or discard it?</source>
        <translation>%1 在 %2 的维护窗口已错过：当时应用未运行，未应用任何更改。

队列：%3。

现在应用该批次（控制平面会重启）、选择其他时间，还是丢弃它？</translation>
    </message>
    <message>
        <source>Apply now…</source>
        <translation>立即应用…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>重新安排…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
    <message>
        <source>queued to onboard</source>
        <translation>已排队待纳管</translation>
    </message>
    <message>
        <source>queued to onboard at %1</source>
        <translation>已排队，%1 纳管</translation>
    </message>
    <message>
        <source>queued to offboard</source>
        <translation>已排队待取消纳管</translation>
    </message>
    <message>
        <source>queued to offboard at %1</source>
        <translation>已排队，%1 取消纳管</translation>
    </message>
</context>
<context>
    <name>fd::ui::MaintenanceQueueDialog</name>
    <message>
        <source>Maintenance queue</source>
        <translation>维护队列</translation>
    </message>
    <message>
        <source>On clusters whose namespaces are Helm values, each onboarding restarts the control plane. Queued namespaces are applied together in one upgrade — now, or at a scheduled time — so it restarts once.</source>
        <translation>在命名空间由 Helm values 决定的集群上，每次纳管都会重启控制平面。排队的命名空间会在一次升级中一起应用（立即或在预定时间），只重启一次。</translation>
    </message>
    <message>
        <source>Cluster / namespace</source>
        <translation>集群 / 命名空间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>namespaces, e.g. team-a team-b</source>
        <translation>命名空间，例如 team-a team-b</translation>
    </message>
    <message>
        <source>Queue to &amp;add</source>
        <translation>排队添加(&amp;A)</translation>
    </message>
    <message>
        <source>Queue to r&amp;emove</source>
        <translation>排队移除(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Remove from queue</source>
        <translation>从队列中移除(&amp;R)</translation>
    </message>
    <message>
        <source>Take the selected namespace out of the batch (or the whole batch, when its cluster is selected).</source>
        <translation>将选中的命名空间移出批次（选中集群时移出整个批次）。</translation>
    </message>
    <message>
        <source>Apply at (local time):</source>
        <translation>应用时间（本地时间）：</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>安排(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Unschedule</source>
        <translation>取消安排(&amp;U)</translation>
    </message>
    <message>
        <source>Cannot schedule %1: %2</source>
        <translation>无法安排 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Plan the batch…</source>
        <translation>规划批次(&amp;P)…</translation>
    </message>
    <message>
        <source>Open the onboarding dialog with one plan for every queued namespace of this cluster.</source>
        <translation>打开纳管对话框，为此集群所有排队的命名空间生成一个计划。</translation>
    </message>
    <message>
        <source>Apply &amp;now…</source>
        <translation>立即应用(&amp;N)…</translation>
    </message>
    <message>
        <source>Plan the batch and upgrade once, after your confirmation.</source>
        <translation>规划批次，并在您确认后执行一次升级。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cannot queue: %1</source>
        <translation>无法加入队列：%1</translation>
    </message>
    <message>
        <source>scheduled for %1</source>
        <translation>安排在 %1</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>未安排</translation>
    </message>
    <message>
        <source>last attempt failed: %1</source>
        <translation>上次尝试失败：%1</translation>
    </message>
    <message>
        <source>add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>fd::ui::MessageQueueTriggerForm</name>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>KEDA scales a connector per trigger (keda)</source>
        <translation>KEDA：为每个触发器伸缩一个连接器（keda）</translation>
    </message>
    <message>
        <source>Fission&apos;s own message-queue service (fission)</source>
        <translation>Fission 自带的消息队列服务（fission）</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>连接器</translation>
    </message>
    <message>
        <source>Queue type</source>
        <translation>队列类型</translation>
    </message>
    <message>
        <source>the topic or queue the function consumes</source>
        <translation>函数消费的主题或队列</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>optional: where the function&apos;s answers go</source>
        <translation>可选：函数响应的发送目标</translation>
    </message>
    <message>
        <source>Response topic</source>
        <translation>响应主题</translation>
    </message>
    <message>
        <source>optional: where failed invocations go</source>
        <translation>可选：失败调用的发送目标</translation>
    </message>
    <message>
        <source>Error topic</source>
        <translation>错误主题</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <source>KEDA scaler settings, e.g. bootstrapServers=my-kafka:9092, consumerGroup=fn</source>
        <translation>KEDA 伸缩器设置，例如 bootstrapServers=my-kafka:9092, consumerGroup=fn</translation>
    </message>
    <message>
        <source>Scaler metadata</source>
        <translation>伸缩器元数据</translation>
    </message>
    <message>
        <source>Pick the kind of queue.</source>
        <translation>请选择队列类型。</translation>
    </message>
    <message>
        <source>A queue type is a lower-case word such as kafka or rabbitmq.</source>
        <translation>队列类型应为小写单词，例如 kafka 或 rabbitmq。</translation>
    </message>
    <message>
        <source>The response topic is the trigger&apos;s own topic: every answer would call the function again.</source>
        <translation>响应主题与触发器自身的主题相同：每个响应都会再次调用该函数。</translation>
    </message>
    <message>
        <source>The error topic is the trigger&apos;s own topic: every failure would call the function again.</source>
        <translation>错误主题与触发器自身的主题相同：每次失败都会再次调用该函数。</translation>
    </message>
</context>
<context>
    <name>fd::ui::ObjectFormDialog</name>
    <message>
        <source>New %1 in %2</source>
        <translation>在 %2 中新建 %1</translation>
    </message>
    <message>
        <source>Edit %1 %2/%3</source>
        <translation>编辑 %1 %2/%3</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>YAML preview</source>
        <translation>YAML 预览</translation>
    </message>
    <message>
        <source>Reload and reapply</source>
        <translation>重新加载并重新应用</translation>
    </message>
    <message>
        <source>Load the object as it is on the cluster now, put this form&apos;s values on it and apply again.</source>
        <translation>加载集群上该对象的当前版本，将此表单的值应用到它上面，然后再次提交。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>lower-case letters, digits and &apos;-&apos;</source>
        <translation>小写字母、数字和“-”</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Fix the marked fields first.</source>
        <translation>请先修正标出的字段。</translation>
    </message>
    <message>
        <source>Checking with the cluster (dry run)…</source>
        <translation>正在与集群核对（试运行）…</translation>
    </message>
    <message>
        <source>The cluster refused the dry run: %1</source>
        <translation>集群拒绝了试运行：%1</translation>
    </message>
    <message>
        <source>The cluster refused the change: %1</source>
        <translation>集群拒绝了此更改：%1</translation>
    </message>
    <message>
        <source>Dry run passed; applying…</source>
        <translation>试运行通过；正在应用…</translation>
    </message>
    <message>
        <source>%1 %2/%3 is gone from the cluster; nothing to reapply to.</source>
        <translation>%1 %2/%3 已不在集群中；无法重新应用。</translation>
    </message>
    <message>
        <source>%1 %2.%3 in %4</source>
        <translation>%4 中的 %1 %2.%3</translation>
    </message>
    <message>
        <source>Missing permission: %1</source>
        <translation>缺少权限：%1</translation>
    </message>
    <message>
        <source>You cannot apply this form: missing permission %1.</source>
        <translation>无法应用此表单：缺少权限 %1。</translation>
    </message>
    <message>
        <source>Fission does not watch the namespace %1: the cluster will store this %2, but Fission will never build or serve it. Onboard the namespace as a tenant first.</source>
        <translation>Fission 没有监视命名空间 %1：集群会保存此 %2，但 Fission 永远不会构建或提供它。请先将该命名空间纳管为租户。</translation>
    </message>
</context>
<context>
    <name>fd::ui::OffboardDialog</name>
    <message>
        <source>Offboard namespace %1 — %2</source>
        <translation>取消纳管命名空间 %1 — %2</translation>
    </message>
    <message>
        <source>Reading the cluster…</source>
        <translation>正在读取集群…</translation>
    </message>
    <message>
        <source>Also delete the namespace %1 and everything in it</source>
        <translation>同时删除命名空间 %1 及其中的所有内容</translation>
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>输入 &lt;b&gt;%1&lt;/b&gt; 以确认：</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>What holds the namespace</source>
        <translation>阻止命名空间删除的对象</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Finalizers</source>
        <translation>Finalizer</translation>
    </message>
    <message>
        <source>Remove the finalizers of the selected object…</source>
        <translation>移除所选对象的 finalizer…</translation>
    </message>
    <message>
        <source>The controller that owns a finalizer normally removes it; remove it by hand only when that controller is gone.</source>
        <translation>finalizer 通常由其所属的控制器移除；仅当该控制器已不存在时才手动移除。</translation>
    </message>
    <message>
        <source>&amp;Offboard</source>
        <translation>取消纳管(&amp;O)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Remove finalizers</source>
        <translation>移除 finalizer</translation>
    </message>
    <message>
        <source>Remove the finalizers %1 from %2/%3? Whatever they protect is not cleaned up by its controller then.</source>
        <translation>要从 %2/%3 移除 finalizer %1 吗？这样，它们所保护的资源将不会再由其控制器清理。</translation>
    </message>
    <message>
        <source>Removing the finalizers failed: %1</source>
        <translation>移除 finalizer 失败：%1</translation>
    </message>
    <message>
        <source>There is no connection to context %1.</source>
        <translation>没有到上下文 %1 的连接。</translation>
    </message>
    <message>
        <source>Cannot connect to context %1: %2</source>
        <translation>无法连接到上下文 %1：%2</translation>
    </message>
    <message>
        <source>Reading the cluster failed: %1</source>
        <translation>读取集群失败：%1</translation>
    </message>
    <message>
        <source>Listing what namespace %1 holds…</source>
        <translation>正在列出命名空间 %1 中的内容…</translation>
    </message>
    <message>
        <source>Reading namespace %1 failed: %2</source>
        <translation>读取命名空间 %1 失败：%2</translation>
    </message>
    <message>
        <source>No Fission control plane was found in context %1.</source>
        <translation>在上下文 %1 中未找到 Fission 控制平面。</translation>
    </message>
    <message>
        <source>Fission does not serve namespace &lt;b&gt;%1&lt;/b&gt; now; only deleting it is left to do.</source>
        <translation>Fission 目前未服务命名空间 &lt;b&gt;%1&lt;/b&gt;；只剩下删除它这一步。</translation>
    </message>
    <message>
        <source>Offboarding deletes the FissionTenant of &lt;b&gt;%1&lt;/b&gt;: Fission stops serving it. Nothing restarts.</source>
        <translation>取消纳管会删除 &lt;b&gt;%1&lt;/b&gt; 的 FissionTenant：Fission 将停止服务它。不会重启任何组件。</translation>
    </message>
    <message>
        <source>Offboarding removes &lt;b&gt;%1&lt;/b&gt; from the Helm values of release %2/%3 and upgrades it, which &lt;b&gt;restarts control-plane Deployments&lt;/b&gt;.</source>
        <translation>取消纳管会从发布 %2/%3 的 Helm values 中移除 &lt;b&gt;%1&lt;/b&gt; 并升级该发布，这会&lt;b&gt;重启控制平面的 Deployment&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Namespace %1 does not exist.</source>
        <translation>命名空间 %1 不存在。</translation>
    </message>
    <message numerus="yes">
        <source>%n function(s) stop being served.</source>
        <translation>
            <numerusform>%n 个函数将不再被服务。</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleting namespace %1…</source>
        <translation>正在删除命名空间 %1…</translation>
    </message>
    <message>
        <source>Deleting namespace %1 failed: %2</source>
        <translation>删除命名空间 %1 失败：%2</translation>
    </message>
    <message>
        <source>Planning the upgrade…</source>
        <translation>正在规划升级…</translation>
    </message>
    <message>
        <source>Planning failed: %1</source>
        <translation>规划失败：%1</translation>
    </message>
    <message>
        <source>Upgrade release %1 in %2 so that Fission no longer serves %3?</source>
        <translation>升级 %2 中的发布 %1，使 Fission 不再服务 %3？</translation>
    </message>
    <message>
        <source>No control-plane workload restarts.</source>
        <translation>没有控制平面工作负载会重启。</translation>
    </message>
    <message>
        <source>These workloads restart: %1.</source>
        <translation>以下工作负载会重启：%1。</translation>
    </message>
    <message>
        <source>%1 of %2 function pods are recreated: their functions cold-start on the next request.</source>
        <translation>%2 个函数 Pod 中有 %1 个会被重建：其函数在下次请求时冷启动。</translation>
    </message>
    <message>
        <source>Namespace %1 is deleted afterwards, with everything listed.</source>
        <translation>随后将删除命名空间 %1 及上面列出的所有内容。</translation>
    </message>
    <message>
        <source>Offboard %1</source>
        <translation>取消纳管 %1</translation>
    </message>
    <message>
        <source>Offboarding…</source>
        <translation>正在取消纳管…</translation>
    </message>
    <message>
        <source>Offboarding stopped before it finished.</source>
        <translation>取消纳管在完成前停止。</translation>
    </message>
    <message>
        <source>Waiting for namespace %1 to be gone…</source>
        <translation>正在等待命名空间 %1 删除完成…</translation>
    </message>
    <message>
        <source>Done: Fission no longer serves %1 and the namespace is gone.</source>
        <translation>完成：Fission 已不再服务 %1，该命名空间已删除。</translation>
    </message>
    <message>
        <source>Done: Fission no longer serves %1.</source>
        <translation>完成：Fission 已不再服务 %1。</translation>
    </message>
    <message>
        <source>Done: namespace %1 is gone.</source>
        <translation>完成：命名空间 %1 已删除。</translation>
    </message>
    <message>
        <source>Namespace finalizers: %1</source>
        <translation>命名空间的 finalizer：%1</translation>
    </message>
    <message>
        <source>No object with finalizers is left; the namespace controller is removing the rest.</source>
        <translation>已没有带 finalizer 的对象；命名空间控制器正在删除其余内容。</translation>
    </message>
    <message>
        <source>Last read failed: %1</source>
        <translation>上次读取失败：%1</translation>
    </message>
    <message>
        <source>Helm is changing the release right now; wait for this step to finish.</source>
        <translation>Helm 正在修改发布；请等待此步骤完成。</translation>
    </message>
    <message numerus="yes">
        <source>Namespace %1 holds %n object(s) that Fission uses or that are lost with the namespace.</source>
        <translation>
            <numerusform>命名空间 %1 中有 %n 个 Fission 使用的或会随命名空间一起丢失的对象。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to &amp;queue</source>
        <translation>加入队列(&amp;Q)</translation>
    </message>
    <message>
        <source>Queue removing the namespace from the Helm values for a maintenance window: queued changes are applied together in one upgrade, so the control plane restarts once (Tools → Maintenance queue…). The namespace itself is kept.</source>
        <translation>将从 Helm values 中移除该命名空间的操作排入维护窗口：队列中的变更会在一次升级中一起应用，控制平面只重启一次（工具 → 维护队列…）。命名空间本身会保留。</translation>
    </message>
    <message>
        <source>Cannot queue: %1</source>
        <translation>无法加入队列：%1</translation>
    </message>
    <message numerus="yes">
        <source>Queued removing %1 for the next maintenance window of %2 (%n namespace(s) queued). Tools → Maintenance queue… plans, applies or schedules the batch.</source>
        <translation>
            <numerusform>已将移除 %1 的操作排入 %2 的下一个维护窗口（队列中共 %n 个命名空间）。工具 → 维护队列… 可规划、应用或安排该批次。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fd::ui::OnboardingDialog</name>
    <message>
        <source>Onboard namespaces — %1</source>
        <translation>纳管命名空间 — %1</translation>
    </message>
    <message>
        <source>Reading the cluster…</source>
        <translation>正在读取集群…</translation>
    </message>
    <message>
        <source>e.g. team-a team-b</source>
        <translation>例如 team-a team-b</translation>
    </message>
    <message>
        <source>The namespaces Fission should serve, separated by spaces or commas.</source>
        <translation>Fission 应服务的命名空间，以空格或逗号分隔。</translation>
    </message>
    <message>
        <source>&amp;Namespaces to add:</source>
        <translation>要添加的命名空间(&amp;N)：</translation>
    </message>
    <message>
        <source>the chart stored in the release</source>
        <translation>发布中保存的 chart</translation>
    </message>
    <message>
        <source>A chart directory, archive or reference to upgrade with. Leave empty to rebuild the chart Helm stored in the release.</source>
        <translation>用于升级的 chart 目录、压缩包或引用。留空则根据 Helm 保存在发布中的 chart 重建。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>&amp;Chart (optional):</source>
        <translation>Chart(&amp;C)（可选）：</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>规划(&amp;P)</translation>
    </message>
    <message>
        <source>Choose a chart directory…</source>
        <translation>选择 chart 目录…</translation>
    </message>
    <message>
        <source>As deployed</source>
        <translation>按当前部署</translation>
    </message>
    <message>
        <source>Keep function pods running (also set executor.adoptExistingResources: true)</source>
        <translation>保持函数 Pod 运行（同时设置 executor.adoptExistingResources: true）</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>&amp;Roll back</source>
        <translation>回滚(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop after the current step (not possible while helm changes the release).</source>
        <translation>在当前步骤结束后停止（helm 正在修改发布时无法停止）。</translation>
    </message>
    <message>
        <source>&amp;Upgrade…</source>
        <translation>升级(&amp;U)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>重试(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Onboard…</source>
        <translation>纳管(&amp;O)…</translation>
    </message>
    <message>
        <source>There is no connection to context %1.</source>
        <translation>没有到上下文 %1 的连接。</translation>
    </message>
    <message>
        <source>Cannot connect to context %1: %2</source>
        <translation>无法连接到上下文 %1：%2</translation>
    </message>
    <message>
        <source>Reading the cluster failed: %1</source>
        <translation>读取集群失败：%1</translation>
    </message>
    <message>
        <source>No Fission control plane was found in context %1.</source>
        <translation>在上下文 %1 中未找到 Fission 控制平面。</translation>
    </message>
    <message>
        <source>Fission in context %1 serves namespaces through FissionTenant objects: onboarding creates one per namespace. &lt;b&gt;Nothing restarts.&lt;/b&gt;</source>
        <translation>上下文 %1 中的 Fission 通过 FissionTenant 对象服务命名空间：纳管会为每个命名空间创建一个。&lt;b&gt;不会重启任何组件。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Fission in context %1 reads the namespaces it serves from the Helm values of release %2/%3. Onboarding upgrades that release, which &lt;b&gt;restarts control-plane Deployments&lt;/b&gt;. Plan first to see exactly what changes.</source>
        <translation>上下文 %1 中的 Fission 从发布 %2/%3 的 Helm values 读取其服务的命名空间。纳管会升级该发布，这会&lt;b&gt;重启控制平面的 Deployment&lt;/b&gt;。请先规划，查看具体变更。</translation>
    </message>
    <message>
        <source>Name at least one namespace.</source>
        <translation>请至少填写一个命名空间。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid namespace name: %2</source>
        <translation>&quot;%1&quot; 不是有效的命名空间名称：%2</translation>
    </message>
    <message>
        <source>The Helm release of the Fission install in namespace %1 was not found, so its values cannot be changed.</source>
        <translation>未找到命名空间 %1 中 Fission 安装的 Helm 发布，因此无法修改其 values。</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>正在规划…</translation>
    </message>
    <message>
        <source>Choose the Fission chart this release was installed from (a directory or archive), then plan again.</source>
        <translation>请选择安装此发布时使用的 Fission chart（目录或压缩包），然后重新规划。</translation>
    </message>
    <message numerus="yes">
        <source>Restart (%n workload(s))</source>
        <translation>
            <numerusform>重启（%n 个工作负载）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (created)</source>
        <translation>%1（新建）</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1（删除）</translation>
    </message>
    <message>
        <source>(unset)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>%1 in %2: %3 → %4</source>
        <translation>%2 中的 %1：%3 → %4</translation>
    </message>
    <message numerus="yes">
        <source>RBAC in %1 (%n change(s))</source>
        <translation>
            <numerusform>%1 中的 RBAC（%n 项变更）</numerusform>
        </translation>
    </message>
    <message>
        <source>create %1 %2</source>
        <translation>创建 %1 %2</translation>
    </message>
    <message>
        <source>delete %1 %2</source>
        <translation>删除 %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>Hooks that run (%n)</source>
        <translation>
            <numerusform>将运行的钩子（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Function pods recreated (cold start): %1 of %2</source>
        <translation>重建的函数 Pod（冷启动）：%1 / %2</translation>
    </message>
    <message>
        <source>Release &lt;b&gt;%1&lt;/b&gt; in %2, revision %3, chart %4-%5.</source>
        <translation>发布 &lt;b&gt;%1&lt;/b&gt;（%2），版本 %3，chart %4-%5。</translation>
    </message>
    <message>
        <source>Namespaces served: [%1] → &lt;b&gt;[%2]&lt;/b&gt;</source>
        <translation>服务的命名空间：[%1] → &lt;b&gt;[%2]&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Fission already serves these namespaces: nothing to change.</source>
        <translation>Fission 已在服务这些命名空间：无需更改。</translation>
    </message>
    <message>
        <source>Create the missing namespace(s) %1 first (the upgrade fails without them)</source>
        <translation>先创建缺失的命名空间 %1（否则升级会失败）</translation>
    </message>
    <message>
        <source>As deployed (adoptExistingResources: %1)</source>
        <translation>按当前部署（adoptExistingResources: %1）</translation>
    </message>
    <message>
        <source>No restart is needed: each namespace gets a FissionTenant, and Fission starts serving it once the tenant is Ready.</source>
        <translation>无需重启：每个命名空间获得一个 FissionTenant，租户就绪（Ready）后 Fission 即开始服务它。</translation>
    </message>
    <message>
        <source>Nothing to do: the namespaces are already onboarded or none was given.</source>
        <translation>无需操作：这些命名空间已纳管，或未填写命名空间。</translation>
    </message>
    <message numerus="yes">
        <source>FissionTenants to create (%n)</source>
        <translation>
            <numerusform>要创建的 FissionTenant（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (namespace %2)</source>
        <translation>%1（命名空间 %2）</translation>
    </message>
    <message>
        <source>Already onboarded</source>
        <translation>已纳管</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Create the missing namespace(s) %1 first</source>
        <translation>先创建缺失的命名空间 %1</translation>
    </message>
    <message>
        <source>No control-plane workload restarts.</source>
        <translation>没有控制平面工作负载会重启。</translation>
    </message>
    <message>
        <source>These workloads restart: %1.</source>
        <translation>以下工作负载会重启：%1。</translation>
    </message>
    <message>
        <source>%1 of %2 function pods are recreated: their functions cold-start on the next request.</source>
        <translation>%2 个函数 Pod 中有 %1 个会被重建：其函数在下次请求时冷启动。</translation>
    </message>
    <message>
        <source>Function pods keep running.</source>
        <translation>函数 Pod 保持运行。</translation>
    </message>
    <message>
        <source>Onboard</source>
        <translation>纳管</translation>
    </message>
    <message>
        <source>Create FissionTenants for %1 in context %2? Nothing restarts.</source>
        <translation>在上下文 %2 中为 %1 创建 FissionTenant？不会重启任何组件。</translation>
    </message>
    <message>
        <source>Upgrade release %1 in %2 to serve %3?</source>
        <translation>升级 %2 中的发布 %1 以服务 %3？</translation>
    </message>
    <message>
        <source>Upgrade the Fission release</source>
        <translation>升级 Fission 发布</translation>
    </message>
    <message>
        <source>Rolled back to revision %1. Nothing else changed; plan again to retry.</source>
        <translation>已回滚到版本 %1。未做其他更改；可重新规划后重试。</translation>
    </message>
    <message>
        <source>The rollback failed: %1</source>
        <translation>回滚失败：%1</translation>
    </message>
    <message>
        <source>Onboarding…</source>
        <translation>正在纳管…</translation>
    </message>
    <message>
        <source>Done: Fission serves %1.</source>
        <translation>完成：Fission 已服务 %1。</translation>
    </message>
    <message>
        <source>Done: the release was upgraded and Fission serves %1.</source>
        <translation>完成：发布已升级，Fission 已服务 %1。</translation>
    </message>
    <message>
        <source>Onboarding stopped before it finished.</source>
        <translation>纳管在完成前停止。</translation>
    </message>
    <message>
        <source>The release is left at revision %1 (%2). &quot;Roll back&quot; returns it to revision %3.</source>
        <translation>发布停留在版本 %1（%2）。点击&quot;回滚&quot;可恢复到版本 %3。</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Roll release %1 back to revision %2?</source>
        <translation>将发布 %1 回滚到版本 %2？</translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation>正在回滚…</translation>
    </message>
    <message>
        <source>Choose the Fission chart directory</source>
        <translation>选择 Fission chart 目录</translation>
    </message>
    <message>
        <source>Helm is changing the release right now; wait for this step to finish.</source>
        <translation>Helm 正在修改发布；请等待此步骤完成。</translation>
    </message>
    <message>
        <source>Rebase my edits</source>
        <translation>重新应用我的修改</translation>
    </message>
    <message>
        <source>Take the release&apos;s newest values and apply your namespace changes to them again.</source>
        <translation>获取该发布最新的 values，并将您的命名空间变更重新应用到其上。</translation>
    </message>
    <message>
        <source>Plan and Upgrade use the values of the Edit values tab; the namespaces above are ignored.</source>
        <translation>“规划”和“升级”将使用“编辑 values”标签页中的 values；上方填写的命名空间将被忽略。</translation>
    </message>
    <message>
        <source>The release has a newer revision than the values shown; rebase your edits first.</source>
        <translation>该发布已有比所显示 values 更新的修订版本；请先将您的修改重新应用到新版本上。</translation>
    </message>
    <message>
        <source>Diff against the deployed revision</source>
        <translation>与已部署的修订版本对比</translation>
    </message>
    <message>
        <source>Plan these values</source>
        <translation>用这些 values 规划</translation>
    </message>
    <message>
        <source>Edit values</source>
        <translation>编辑 values</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>The values changed: plan again.</source>
        <translation>values 已更改：请重新规划。</translation>
    </message>
    <message>
        <source>The edited values have errors (see the Edit values tab); fix them, then plan again.</source>
        <translation>编辑后的 values 有错误（见“编辑 values”标签页）；请修正后重新规划。</translation>
    </message>
    <message>
        <source>Release %1 now has revision %2 (%3: %4), made after this dialog read revision %5. Your values are based on the older one, so Upgrade is refused until you rebase your edits onto the new values.</source>
        <translation>发布 %1 现已有修订版本 %2（%3：%4），它产生于此对话框读取修订版本 %5 之后。您的 values 基于旧版本，因此在您将修改重新应用到新的 values 上之前，将拒绝升级。</translation>
    </message>
    <message>
        <source>The release has no revision to rebase onto.</source>
        <translation>该发布没有可作为基础的修订版本。</translation>
    </message>
    <message>
        <source>Revision %1 of release %2 is %3: an operation is still running; rebase once it has finished.</source>
        <translation>发布 %2 的修订版本 %1 处于 %3 状态：仍有操作在运行；请在其完成后再重新应用修改。</translation>
    </message>
    <message>
        <source>The edited values cannot be read (%1); fix them before rebasing.</source>
        <translation>无法读取编辑后的 values（%1）；请先修正，再重新应用修改。</translation>
    </message>
    <message>
        <source>Your namespace changes cannot be applied to the new values: %1</source>
        <translation>无法将您的命名空间变更应用到新的 values：%1</translation>
    </message>
    <message>
        <source>Rebased onto revision %1; plan again.</source>
        <translation>已基于修订版本 %1 重新应用修改；请重新规划。</translation>
    </message>
    <message>
        <source>Label the namespaces fission.io/enabled=true instead of creating FissionTenants (the tenant controller creates them)</source>
        <translation>为命名空间添加标签 fission.io/enabled=true，而不是创建 FissionTenant（由租户控制器创建）</translation>
    </message>
    <message>
        <source>Add to &amp;queue</source>
        <translation>加入队列(&amp;Q)</translation>
    </message>
    <message>
        <source>Queue these namespaces for a maintenance window: queued namespaces are applied together in one upgrade, so the control plane restarts once (Tools → Maintenance queue…).</source>
        <translation>将这些命名空间排入维护窗口：排队的命名空间会在一次升级中一起应用，控制平面只重启一次（工具 → 维护队列…）。</translation>
    </message>
    <message>
        <source>Nothing to change: Fission already serves the queued namespaces as asked.</source>
        <translation>无需更改：Fission 已按要求服务排队的命名空间。</translation>
    </message>
    <message>
        <source>%1: label the namespace fission.io/enabled=true; the tenant controller creates it</source>
        <translation>%1：为命名空间添加标签 fission.io/enabled=true；由租户控制器创建</translation>
    </message>
    <message>
        <source>%1: remove the opt-out label fission.io/enabled=false from the namespace; the tenant controller creates it</source>
        <translation>%1：从命名空间移除退出标签 fission.io/enabled=false；由租户控制器创建</translation>
    </message>
    <message numerus="yes">
        <source>FissionTenants to delete (%n)</source>
        <translation>
            <numerusform>要删除的 FissionTenant（%n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>Fission stops serving %1.</source>
        <translation>Fission 将停止服务 %1。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Queued maintenance batch: one upgrade adds %1.</source>
        <translation>排队的维护批次：一次升级添加 %1。</translation>
    </message>
    <message>
        <source>Queued maintenance batch: one upgrade adds %1 and removes %2.</source>
        <translation>排队的维护批次：一次升级添加 %1，并移除 %2。</translation>
    </message>
    <message>
        <source>Its scheduled time has come: it is planned and applied without asking.</source>
        <translation>预定时间已到：将自动规划并应用，不再询问。</translation>
    </message>
    <message>
        <source>Maintenance batch — %1</source>
        <translation>维护批次 — %1</translation>
    </message>
    <message>
        <source>Cannot queue: %1</source>
        <translation>无法加入队列：%1</translation>
    </message>
    <message numerus="yes">
        <source>Queued %1 for the next maintenance window of %2 (%n namespace(s) queued). Tools → Maintenance queue… plans, applies or schedules the batch.</source>
        <translation>
            <numerusform>已将 %1 排入 %2 的下一个维护窗口（队列中共 %n 个命名空间）。工具 → 维护队列… 可规划、应用或安排该批次。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fd::ui::PackageForm</name>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Source archive: the environment&apos;s builder builds it</source>
        <translation>源码归档：由环境的构建器构建</translation>
    </message>
    <message>
        <source>Deployment archive: runs as it is</source>
        <translation>部署归档：按原样运行</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>A file or folder on this computer</source>
        <translation>此计算机上的文件或文件夹</translation>
    </message>
    <message>
        <source>A URL the cluster can download</source>
        <translation>集群可下载的 URL</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>a .zip, a single source file, or a folder to zip</source>
        <translation>.zip 文件、单个源文件，或要打包为 zip 的文件夹</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Archive or source file</source>
        <translation>归档或源文件</translation>
    </message>
    <message>
        <source>Folder to zip</source>
        <translation>要打包为 zip 的文件夹</translation>
    </message>
    <message>
        <source>File or folder</source>
        <translation>文件或文件夹</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>https://example.com/hello.zip</source>
        <translation>https://example.com/hello.zip</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>SHA-256 of the archive, 64 hex digits (recommended)</source>
        <translation>归档的 SHA-256，64 位十六进制数字（推荐）</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>optional: the environment&apos;s builder command when empty</source>
        <translation>可选：留空时使用环境的构建器命令</translation>
    </message>
    <message>
        <source>Build command</source>
        <translation>构建命令</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 (a ZIP of one file)</source>
        <translation>%1（包含 1 个文件的 ZIP）</translation>
    </message>
    <message>
        <source>%1 (a ZIP of %2 files)</source>
        <translation>%1（包含 %2 个文件的 ZIP）</translation>
    </message>
    <message>
        <source>%1: sent inside the Package (literal).</source>
        <translation>%1：以内联方式（literal）随包发送。</translation>
    </message>
    <message>
        <source>%1: uploaded to Fission&apos;s storage service when you apply, then referenced by URL.</source>
        <translation>%1：应用时上传到 Fission 存储服务，然后通过 URL 引用。</translation>
    </message>
    <message>
        <source>This is a large archive: every build and every new function pod downloads it. Leave out what the function does not need (dependencies the builder installs, .git, test data).</source>
        <translation>这是一个较大的归档：每次构建和每个新的函数 Pod 都会下载它。请去掉函数不需要的内容（由构建器安装的依赖、.git、测试数据）。</translation>
    </message>
    <message>
        <source>The archive stored in the Package now (%1); pick a file or folder to replace it.</source>
        <translation>包中当前存储的归档（%1）；选择文件或文件夹可将其替换。</translation>
    </message>
    <message>
        <source>Pick a file or a folder.</source>
        <translation>请选择文件或文件夹。</translation>
    </message>
    <message>
        <source>Still reading the archive…</source>
        <translation>仍在读取归档…</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>Uploading %1 to Fission&apos;s storage service in %2…</source>
        <translation>正在将 %1 上传到 %2 中的 Fission 存储服务…</translation>
    </message>
</context>
<context>
    <name>fd::ui::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>跟随桌面</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>Changes take effect the next time Fission Desk starts. The command line&apos;s --lang option overrides the language chosen here.</source>
        <translation>更改将在下次启动 Fission Desk时生效。命令行的 --lang 选项会覆盖此处选择的语言。</translation>
    </message>
</context>
<context>
    <name>fd::ui::ReleaseHistoryView</name>
    <message>
        <source>Revision</source>
        <translation>修订版本</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>应用版本</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Values of the revision</source>
        <translation>该修订版本的 values</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>with</source>
        <translation>与</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Roll back to this revision…</source>
        <translation>回滚到此修订版本…</translation>
    </message>
    <message>
        <source>the edited values</source>
        <translation>编辑后的 values</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>修订版本 %1</translation>
    </message>
    <message>
        <source># no user-supplied values: the chart&apos;s defaults apply</source>
        <translation># 没有用户提供的 values：使用 chart 的默认值</translation>
    </message>
    <message>
        <source>Roll release %1 in %2 back to revision %3? Helm records it as a new revision with the values and chart of revision %3.</source>
        <translation>将 %2 中的发布 %1 回滚到修订版本 %3？Helm 会将其记录为一个新的修订版本，使用修订版本 %3 的 values 和 chart。</translation>
    </message>
    <message>
        <source>Namespaces served: [%1] → [%2].</source>
        <translation>服务的命名空间：[%1] → [%2]。</translation>
    </message>
    <message>
        <source>The namespaces served stay [%1].</source>
        <translation>服务的命名空间保持为 [%1]。</translation>
    </message>
    <message>
        <source>No control-plane workload restarts.</source>
        <translation>没有控制平面工作负载会重启。</translation>
    </message>
    <message>
        <source>These workloads restart: %1.</source>
        <translation>以下工作负载会重启：%1。</translation>
    </message>
    <message>
        <source>These workloads are deleted: %1.</source>
        <translation>以下工作负载将被删除：%1。</translation>
    </message>
    <message>
        <source>Roll back the Fission release</source>
        <translation>回滚 Fission 发布</translation>
    </message>
    <message>
        <source>Rolling back to revision %1…</source>
        <translation>正在回滚到修订版本 %1…</translation>
    </message>
    <message>
        <source>Rolling back to revision %1: %2</source>
        <translation>正在回滚到修订版本 %1：%2</translation>
    </message>
    <message>
        <source>Rolled back to revision %1.</source>
        <translation>已回滚到修订版本 %1。</translation>
    </message>
    <message>
        <source>The rollback to revision %1 failed: %2</source>
        <translation>回滚到修订版本 %1 失败：%2</translation>
    </message>
    <message>
        <source>What restarts is unknown: a stored manifest cannot be read (%1).</source>
        <translation>无法确定会重启哪些工作负载：无法读取已存储的清单（%1）。</translation>
    </message>
</context>
<context>
    <name>fd::ui::TimeTriggerForm</name>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>*/5 * * * *  or  @every 1m</source>
        <translation>*/5 * * * *  或  @every 1m</translation>
    </message>
    <message>
        <source>Schedule (cron)</source>
        <translation>计划（cron）</translation>
    </message>
    <message>
        <source>Reads as</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Sub-path</source>
        <translation>子路径</translation>
    </message>
    <message>
        <source>%1
Next runs (UTC): %2</source>
        <translation>%1
接下来的运行时间（UTC）：%2</translation>
    </message>
    <message>
        <source>none within five years</source>
        <translation>五年内没有</translation>
    </message>
    <message>
        <source>The sub-path must start with &apos;/&apos;.</source>
        <translation>子路径必须以“/”开头。</translation>
    </message>
</context>
<context>
    <name>fd::ui::TroubleshootMenu</name>
    <message>
        <source>Build board…</source>
        <translation>构建看板…</translation>
    </message>
    <message>
        <source>Why is this build not done?</source>
        <translation>此构建为何尚未完成？</translation>
    </message>
    <message>
        <source>Call function…</source>
        <translation>调用函数…</translation>
    </message>
</context>
<context>
    <name>fd::ui::ValuesEditor</name>
    <message>
        <source>line %1, column %2</source>
        <translation>第 %1 行，第 %2 列</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Revert to deployed</source>
        <translation>恢复为已部署版本</translation>
    </message>
    <message>
        <source>Discard the edits and show the deployed revision&apos;s values again.</source>
        <translation>放弃修改，重新显示已部署修订版本的 values。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Namespaces Fission serves&lt;/b&gt;&lt;br&gt;additionalFissionNamespaces</source>
        <translation>&lt;b&gt;Fission 服务的命名空间&lt;/b&gt;&lt;br&gt;additionalFissionNamespaces</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>The values are valid.</source>
        <translation>values 有效。</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>The values are not a map of keys; the list cannot be edited here.</source>
        <translation>values 不是键的映射；无法在此编辑该列表。</translation>
    </message>
    <message>
        <source>additionalFissionNamespaces is not a list (line %1); fix the text first.</source>
        <translation>additionalFissionNamespaces 不是列表（第 %1 行）；请先修正文本。</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>不存在</translation>
    </message>
    <message numerus="yes">
        <source>%n function(s)</source>
        <translation>
            <numerusform>%n 个函数</numerusform>
        </translation>
    </message>
    <message>
        <source>no Fission functions</source>
        <translation>没有 Fission 函数</translation>
    </message>
    <message>
        <source>The YAML has an error at line %1, column %2. Once the text is fixed, the list follows it again.</source>
        <translation>YAML 在第 %1 行第 %2 列有错误。修正文本后，列表会重新与之同步。</translation>
    </message>
</context>
<context>
    <name>fd::ui::WatchTriggerForm</name>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Newer Fission releases accept only the trigger&apos;s own namespace here.</source>
        <translation>较新的 Fission 版本在此只接受触发器自身所在的命名空间。</translation>
    </message>
    <message>
        <source>Watch namespace</source>
        <translation>监视的命名空间</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Replication controllers</source>
        <translation>ReplicationController</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Object type</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <source>optional: app=web, tier=frontend</source>
        <translation>可选：app=web, tier=frontend</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>fd::ui::forms</name>
    <message>
        <source> (&quot;%1&quot; is not allowed)</source>
        <translation>（不允许使用“%1”）</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>必须填写名称。</translation>
    </message>
    <message>
        <source>At most 63 characters (this one has %1).</source>
        <translation>最多 63 个字符（当前为 %1 个）。</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit%1.</source>
        <translation>请使用小写字母、数字和“-”，并以字母或数字开头和结尾%1。</translation>
    </message>
    <message>
        <source> (&quot;.&quot; is not allowed)</source>
        <translation>（不允许使用“.”）</translation>
    </message>
    <message>
        <source>At most 253 characters (this one has %1).</source>
        <translation>最多 253 个字符（当前为 %1 个）。</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits, &apos;-&apos; and &apos;.&apos;, each part starting and ending with a letter or digit%1.</source>
        <translation>请使用小写字母、数字、“-”和“.”，每一段都以字母或数字开头和结尾%1。</translation>
    </message>
    <message>
        <source>Not a Kubernetes quantity: write e.g. 100m or 0.5 for CPU, 128Mi or 1Gi for memory.</source>
        <translation>不是有效的 Kubernetes 数量：CPU 请写如 100m 或 0.5，内存请写如 128Mi 或 1Gi。</translation>
    </message>
    <message>
        <source>A resource amount cannot be negative.</source>
        <translation>资源数量不能为负数。</translation>
    </message>
    <message>
        <source>A path is required, e.g. /hello.</source>
        <translation>必须填写路径，例如 /hello。</translation>
    </message>
    <message>
        <source>The path must start with &apos;/&apos;.</source>
        <translation>路径必须以“/”开头。</translation>
    </message>
    <message>
        <source>The path cannot contain spaces.</source>
        <translation>路径不能包含空格。</translation>
    </message>
    <message>
        <source>Paths under /fission-function/ are reserved by Fission&apos;s router.</source>
        <translation>/fission-function/ 下的路径由 Fission 路由器保留。</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>day of month</source>
        <translation>日</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day of week</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>&apos;?&apos; is only allowed for the day of month or day of week.</source>
        <translation>“?”只能用于日或星期字段。</translation>
    </message>
    <message>
        <source>Empty entry in the %1 field.</source>
        <translation>%1 字段中有空条目。</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the step after &apos;/&apos; must be a positive number.</source>
        <translation>“%1”：“/”后的步长必须是正数。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a value of the %2 field.</source>
        <translation>“%1”不是 %2 字段的有效值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is outside %2..%3 for the %4 field.</source>
        <translation>“%1”超出了 %4 字段的范围 %2..%3。</translation>
    </message>
    <message>
        <source>Monday through Friday</source>
        <translation>星期一至星期五</translation>
    </message>
    <message>
        <source>A schedule is required, e.g. */5 * * * * (every five minutes).</source>
        <translation>必须填写计划，例如 */5 * * * *（每五分钟）。</translation>
    </message>
    <message>
        <source>&quot;@every&quot; needs a duration such as 30s, 5m or 1h30m.</source>
        <translation>“@every”需要一个时长，例如 30s、5m 或 1h30m。</translation>
    </message>
    <message>
        <source>Unknown shortcut &quot;%1&quot;: use @hourly, @daily, @weekly, @monthly, @yearly or @every &lt;duration&gt;.</source>
        <translation>未知的快捷写法“%1”：请使用 @hourly、@daily、@weekly、@monthly、@yearly 或 @every &lt;时长&gt;。</translation>
    </message>
    <message>
        <source>A schedule has five fields (minute hour day-of-month month day-of-week), or six with seconds first; this one has %1.</source>
        <translation>计划应有五个字段（分 时 日 月 星期），或在最前面加上秒共六个字段；当前有 %1 个。</translation>
    </message>
    <message>
        <source>Every second</source>
        <translation>每秒</translation>
    </message>
    <message>
        <source>Every %1 seconds</source>
        <translation>每 %1 秒</translation>
    </message>
    <message>
        <source>At second(s) %1 of minute %2, hour %3</source>
        <translation>在第 %2 分、第 %3 时的第 %1 秒</translation>
    </message>
    <message>
        <source>Every minute</source>
        <translation>每分钟</translation>
    </message>
    <message>
        <source>Every %1 minutes</source>
        <translation>每 %1 分钟</translation>
    </message>
    <message>
        <source>At minute %1 of every hour</source>
        <translation>每小时的第 %1 分</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>在 %1</translation>
    </message>
    <message>
        <source>At minute %1 of every %2 hours</source>
        <translation>每 %2 小时的第 %1 分</translation>
    </message>
    <message>
        <source>At minute(s) %1 of hour(s) %2</source>
        <translation>在第 %2 时的第 %1 分</translation>
    </message>
    <message>
        <source>every minute</source>
        <translation>每分钟</translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>在 %1</translation>
    </message>
    <message>
        <source>on day %1 of the month</source>
        <translation>每月第 %1 日</translation>
    </message>
    <message>
        <source>on day %1 of the month or on %2</source>
        <translation>每月第 %1 日或 %2</translation>
    </message>
    <message>
        <source>%1, in %2</source>
        <translation>%1，在 %2</translation>
    </message>
    <message numerus="yes">
        <source>Every %n hour(s)</source>
        <translation>
            <numerusform>每 %n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n minute(s)</source>
        <translation>
            <numerusform>每 %n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n second(s)</source>
        <translation>
            <numerusform>每 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 (UTC)</source>
        <translation>%1，%2（UTC）</translation>
    </message>
    <message>
        <source>Pick one.</source>
        <translation>请选择一项。</translation>
    </message>
    <message>
        <source>There is no %1 &quot;%2&quot; in %3.</source>
        <translation>%3 中没有 %1“%2”。</translation>
    </message>
    <message>
        <source>%1 has no environment &quot;%2&quot;: duplicate it there too, or the function never runs.</source>
        <translation>%1 中没有环境“%2”：请将它也复制过去，否则该函数永远无法运行。</translation>
    </message>
    <message>
        <source>%1 has no package &quot;%2&quot;: create it there too, or the function never runs.</source>
        <translation>%1 中没有包“%2”：请也在那里创建它，否则该函数永远无法运行。</translation>
    </message>
    <message>
        <source>The function mounts %1: make sure they exist in %2.</source>
        <translation>该函数挂载了 %1：请确保它们在 %2 中存在。</translation>
    </message>
    <message>
        <source>A URL is required.</source>
        <translation>必须填写 URL。</translation>
    </message>
    <message>
        <source>Write an http:// or https:// URL the cluster can reach.</source>
        <translation>请填写集群可访问的 http:// 或 https:// URL。</translation>
    </message>
    <message>
        <source>A SHA-256 sum is 64 hexadecimal digits (this has %1 characters).</source>
        <translation>SHA-256 校验和为 64 位十六进制数字（当前为 %1 个字符）。</translation>
    </message>
    <message>
        <source>A topic is required.</source>
        <translation>必须填写主题。</translation>
    </message>
    <message>
        <source>At most 249 characters (this one has %1).</source>
        <translation>最多 249 个字符（当前为 %1 个）。</translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; only.</source>
        <translation>只能使用字母、数字、“.”、“_”和“-”。</translation>
    </message>
    <message>
        <source>Write a content type as type/subtype, e.g. application/json.</source>
        <translation>内容类型应写为 type/subtype，例如 application/json。</translation>
    </message>
    <message>
        <source>Write key=value pairs separated by commas (&quot;%1&quot; has no key=value).</source>
        <translation>请填写以逗号分隔的 key=value 对（“%1”不是 key=value 形式）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a label key.</source>
        <translation>“%1”不是有效的标签键。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a label value (at most 63 letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;).</source>
        <translation>“%1”不是有效的标签值（最多 63 个字母、数字、“-”、“_”、“.”）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a key: no spaces.</source>
        <translation>“%1”不是有效的键：不能包含空格。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice.</source>
        <translation>“%1”出现了两次。</translation>
    </message>
    <message>
        <source>No file or folder at %1.</source>
        <translation>%1 处没有文件或文件夹。</translation>
    </message>
    <message>
        <source>%1 is larger than %2.</source>
        <translation>%1 大于 %2。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds more than %2.</source>
        <translation>%1 的内容超过 %2。</translation>
    </message>
    <message>
        <source>The folder %1 holds no files.</source>
        <translation>文件夹 %1 中没有文件。</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
</context>
</TS>
