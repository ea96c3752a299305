"""The fixed, ordered list of capabilities every model is described by.

Editors state a model's support for each ("yes", "no", "unknown") but never add to the
list: migration 0002 creates exactly these rows, in this order, and the demo catalog and the
tests read it from here. `phrase` is how a sentence names the capability ("Choose A for
multimodal input").
"""

from typing import NamedTuple


class CapabilityDefinition(NamedTuple):
    name: str
    slug: str
    phrase: str


CAPABILITIES = (
    CapabilityDefinition("Vision", "vision", "vision"),
    CapabilityDefinition("Multimodal", "multimodal", "multimodal input"),
    CapabilityDefinition("Reasoning", "reasoning", "reasoning mode"),
    CapabilityDefinition("Function calling", "function-calling", "function calling"),
    CapabilityDefinition("Tool use", "tool-use", "tool use"),
    CapabilityDefinition("Structured outputs", "structured-outputs", "structured outputs"),
    CapabilityDefinition("Code execution", "code-execution", "code execution"),
    CapabilityDefinition("IDE integration", "ide-integration", "IDE integration"),
    CapabilityDefinition("Computer use", "computer-use", "computer use"),
    CapabilityDefinition("Parallel agents", "parallel-agents", "parallel agents"),
)
