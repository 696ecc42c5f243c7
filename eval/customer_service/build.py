"""Build eval/customer_service/messages.jsonl: ordinary customer-service messages with no health
content (orders, refunds, accounts, delivery, billing). Any screener flag on them is a false
positive. Run `python -m eval.customer_service.build`; deterministic (fixed seed).
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

HERE = Path(__file__).parent
SEED = 7
ORDER = ["#48213", "12-55810", "A99231", "#7731", "order 5512", "my last order"]
ITEMS = [
    "the vitamin C bundle",
    "two boxes of tissues",
    "the gift set",
    "a travel pouch",
    "the starter kit",
    "the family pack",
    "the refill subscription",
    "the shampoo",
]
TEMPLATES = [
    "Hi, where is {o}? It was supposed to arrive on Monday.",
    "I was charged twice for {o}, please refund one of the payments.",
    "Can I change the delivery address for {o}?",
    "I want to cancel {o} before it ships.",
    "How do I reset my password? The link in the email expired.",
    "Please update my email address on my account.",
    "Do you ship to Puerto Rico?",
    "The tracking number for {o} doesn't work.",
    "I received {i} but I ordered something else, how do I return it?",
    "Can I use two coupon codes on one order?",
    "When will {i} be back in stock?",
    "I'd like an invoice with my company name for {o}.",
    "My card was declined but the money left my account.",
    "Please cancel my subscription, I no longer need {i}.",
    "What are your customer service hours on weekends?",
    "The promo code SPRING20 says it is invalid.",
    "I never got the confirmation email for {o}.",
    "Can I pick up {o} in the store instead?",
    "The courier left {o} at the wrong house.",
    "Is there a student discount?",
    "I'm sick of waiting on hold, nobody answers the phone!",
    "This return process is such a headache.",
    "Honestly dealing with your website is a pain in the neck.",
    "Your app crashed three times while I was paying.",
    "My package arrived with the outer box crushed, but everything inside was fine.",
    "I'm dying to try the new scent, when does it launch?",
    "Hola, ¿dónde está mi pedido {o}?",
    "Me cobraron dos veces, necesito un reembolso.",
    "Quiero cambiar la dirección de envío.",
    "¿Cómo cambio mi contraseña?",
    "Quiero cancelar mi suscripción.",
    "El código de descuento no funciona.",
    "My loyalty points disappeared from my account.",
    "Can you merge my two accounts?",
    "Why did the price of {i} go up?",
    "I want to leave a review but the button doesn't work on the website.",
    "Please delete my account and my data.",
    "The box was wet from the rain but the products are sealed and undamaged.",
    "Do you have gift cards?",
    "How long does a refund take to reach my bank?",
    "I'd like to speak to a supervisor about my order {o}.",
    "Can I change the delivery date? I'll be away until the 20th.",
    "The checkout page shows an error when I enter my zip code.",
    "Thanks so much, the replacement arrived quickly!",
    "I got an email saying my order shipped, but I never placed one.",
    "Could you resend the receipt for {o}?",
    "Is {i} available in a bigger size?",
    "My order {o} is missing one item, the gift bag wasn't in the box.",
    "I'm tired of getting so many marketing emails, please stop them.",
    "Your delivery driver was very rude.",
]
FREE = [
    "hey do you guys have a store in Austin?",
    "Need to update billing address, moved last week.",
    "What's the difference between the standard and premium membership?",
    "My husband set up the account, can I be added as a second user?",
    "Your chat bot keeps sending me in circles.",
    "I paid for express shipping but it took 9 days. I want the shipping fee back.",
    "Can I order by phone instead of online?",
    "Is it possible to pay with PayPal?",
    "The website is stuck on the loading screen.",
    "I accidentally ordered two of the same thing, can you cancel one?",
    "Do you price match other retailers?",
    "The gift message was not printed on the packing slip.",
    "I'd like to change my subscription from monthly to every two months.",
    "Your survey link is broken.",
    "Can I get a paper catalog mailed to me?",
    "Mi paquete llegó tarde, quiero saber por qué.",
    "No me llegó el correo de confirmación.",
    "Quiero hablar con un supervisor.",
    "The box for my order was damaged in shipping but the items were ok.",
    "Please stop calling me at work.",
]


def main() -> None:
    rng = random.Random(SEED)
    texts: list[str] = []
    for template in TEMPLATES:
        for _ in range(5):
            text = template.format(o=rng.choice(ORDER), i=rng.choice(ITEMS))
            if text not in texts:
                texts.append(text)
    texts.extend(FREE)
    extra = (HERE / "messages_free_2.txt").read_text(encoding="utf-8").splitlines()
    texts.extend(t.strip() for t in extra if t.strip() and not t.startswith("#"))
    assert len(texts) == len(set(texts)), "duplicate messages"
    with (HERE / "messages.jsonl").open("w", encoding="utf-8") as fh:
        for text in texts:
            item_id = "cs-" + hashlib.sha256(text.encode()).hexdigest()[:10]
            fh.write(
                json.dumps({"id": item_id, "text": text, "flag": False}, ensure_ascii=False) + "\n"
            )
    print(f"customer_service: {len(texts)} messages")


if __name__ == "__main__":
    main()
