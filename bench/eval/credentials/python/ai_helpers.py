"""Helpers the marketing analysts use from their notebooks: summarise survey answers,
tag support tickets, translate product copy. Keys are per team; ask in #ai-helpers."""
import os
from dataclasses import dataclass

import anthropic
import openai
import requests
from huggingface_hub import InferenceClient

# expect: credentials/openai-api-key
openai.api_key = "sk-proj-TEK_CkHpYfENSm2aOKGvhqPY7bQNghD_0ZnUmHdKoQuXUGrzm3ji2ZrJLT3BlbkFJxafB0QVkKDcBRJ5x4mRItUZCYnppUZUmfrFxqYHnVLFAID"
# expect: credentials/anthropic-api-key
claude = anthropic.Anthropic(api_key="sk-ant-api03-Gt--Np14wygO-_uiGv-Yfz1PJrTh307o5aD3mhz9BU7OKe_bW2IIaR1MinKWaAJVoYO8wMSxnouzcp_tdZx5UYKJX-HzfAA")
# expect: credentials/huggingface-token
hf = InferenceClient(token="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")
# expect: credentials/groq-api-key
GROQ_API_KEY = "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"
# expect: credentials/replicate-api-token
REPLICATE_API_TOKEN = "r8_DOGud1uzjjsLf2ZDpTNpRjoAdVhVp5ClYnUos"
# expect: credentials/perplexity-api-key
PPLX_KEY = "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"

# expect-none: credentials
OPENAI_FROM_ENV = os.environ.get("OPENAI_API_KEY")
# expect-none: credentials
claude_env = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
# expect-none: credentials
README_HINT = "export OPENAI_API_KEY=sk-... before running the notebook"
# expect-none: credentials
MODEL = "gpt-4o-mini"
# expect-none: credentials
MAX_TOKENS = 1024
# expect-none: credentials
token_limit = 8000


@dataclass
class Settings:
    model: str = "claude-3-5-sonnet-latest"
    # expect-none: credentials
    max_output_tokens: int = 800
    # expect: credentials/hardcoded-password
    api_key: str = "Hwr4tJleMZVFTtIHPzfHVHEOpBfOfwtm"
    # expect-none: credentials
    api_key_env: str = "TEAM_LLM_KEY"


def summarise(texts, model="gpt-4o-mini"):
    prompt = "Summarise these survey answers in five bullet points:\n" + "\n".join(texts)
    resp = openai.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}])
    return resp.choices[0].message.content


# expect: credentials/hardcoded-password
def tag_ticket(text, api_key="ijRDNm2F5eyCA8AdUUlxkhUZjejgTzJMTeRgsvjR"):
    r = requests.post("https://llm-gateway.acme-internal.com/v1/tag",
                      headers={"X-Api-Key": api_key}, json={"text": text}, timeout=60)
    return r.json()["tags"]


# expect-none: credentials
def tag_ticket_env(text, api_key=None):
    api_key = api_key or os.environ["LLM_GATEWAY_KEY"]
    r = requests.post("https://llm-gateway.acme-internal.com/v1/tag",
                      headers={"X-Api-Key": api_key}, json={"text": text}, timeout=60)
    return r.json()["tags"]


def translate(copy, target="de"):
    # expect: credentials/deepl-api-key
    headers = {"Authorization": "DeepL-Auth-Key 0b48add7-ed54-5ba7-b87d-497a986425ac:fx"}
    r = requests.post("https://api-free.deepl.com/v2/translate", headers=headers,
                      data={"text": copy, "target_lang": target.upper()})
    return r.json()["translations"][0]["text"]


def count_tokens(text):
    # expect-none: credentials
    tokenizer_name = "cl100k_base"
    import tiktoken
    enc = tiktoken.get_encoding(tokenizer_name)
    return len(enc.encode(text))


def hf_summary(text):
    # expect: credentials/huggingface-token
    headers = {"Authorization": "Bearer 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"}
    r = requests.post("https://api-inference.huggingface.co/models/facebook/bart-large-cnn",
                      headers=headers, json={"inputs": text})
    return r.json()[0]["summary_text"]
