"""Record editors: IEP, monthly plans, visits, lesson plans, contacts, attachments, the goal bank picker."""
