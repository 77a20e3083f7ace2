/**
 * Hand-made BPMN 2.0 test models: a chain of tasks from a start to an end event with diagram interchange, our
 * dz: effort attributes and optionally a rework loop after one task (exclusive gateway → rework task → back).
 * Written as text on purpose: the tests check what the server reads, not what it wrote itself.
 */
export interface ChainTask {
  name: string;
  minutes: number;
  payGroup?: string;
  mediaBreak?: boolean;
  /** A rework loop after this task: with `probability` the case goes through `task` and back to this task. */
  rework?: { probability: number; task: string; minutes: number };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function chainXml(processName: string, tasks: readonly ChainTask[]): string {
  const nodes: string[] = [];
  const flows: string[] = [];
  const shapes: string[] = [];
  const edges: string[] = [];
  let x = 100;
  let flowNo = 0;
  /** The share of cases leaving the last rework gateway onwards (the rest loops back). */
  let onwards: number | null = null;
  const next = () => {
    const attrs = onwards === null ? '' : ` name="ja" dz:probability="${round(onwards)}"`;
    onwards = null;
    return attrs;
  };
  const flow = (from: string, to: string, attrs = '') => {
    const id = `Flow_${++flowNo}`;
    flows.push(`<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"${attrs} />`);
    edges.push(
      `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}"><di:waypoint x="0" y="0" /><di:waypoint x="10" y="0" /></bpmndi:BPMNEdge>`,
    );
    return id;
  };
  const shape = (id: string, w: number, h: number, y = 80) => {
    shapes.push(
      `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`,
    );
    x += w + 50;
  };
  nodes.push('<bpmn:startEvent id="Start" name="Antrag geht ein" />');
  shape('Start', 36, 36, 102);
  let prev = 'Start';
  tasks.forEach((t, i) => {
    const id = `Task_${i + 1}`;
    const attrs = [
      `dz:minutes="${t.minutes}"`,
      t.payGroup ? `dz:payGroup="${esc(t.payGroup)}"` : '',
      t.mediaBreak ? 'dz:mediaBreak="true"' : '',
    ]
      .filter(Boolean)
      .join(' ');
    nodes.push(`<bpmn:task id="${id}" name="${esc(t.name)}" ${attrs} />`);
    shape(id, 100, 80);
    flow(prev, id, next());
    prev = id;
    if (t.rework) {
      const g = `Gateway_${i + 1}`;
      const r = `Rework_${i + 1}`;
      nodes.push(`<bpmn:exclusiveGateway id="${g}" name="Vollständig?" />`);
      shape(g, 50, 50, 95);
      nodes.push(`<bpmn:task id="${r}" name="${esc(t.rework.task)}" dz:minutes="${t.rework.minutes}" />`);
      shapes.push(
        `<bpmndi:BPMNShape id="${r}_di" bpmnElement="${r}"><dc:Bounds x="${x - 100}" y="220" width="100" height="80" /></bpmndi:BPMNShape>`,
      );
      flow(id, g);
      flow(g, r, ` name="nein" dz:probability="${t.rework.probability}"`);
      flow(r, id);
      prev = g;
      onwards = 1 - t.rework.probability;
    }
  });
  nodes.push('<bpmn:endEvent id="End" name="Erledigt" />');
  shape('End', 36, 36, 102);
  flow(prev, 'End', next());
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:dz="https://digitalzirkel.de/schema/bpmn/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_1" name="${esc(processName)}" isExecutable="false">
    ${nodes.join('\n    ')}
    ${flows.join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Process_1">
      ${shapes.join('\n      ')}
      ${edges.join('\n      ')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
